import type { Browser, Page } from 'playwright-core'
import { launchChromium, shot } from '../support/browser'
import { TestClock } from '../support/clock'
import { type Fixtures, VISITS, appPagePaths, openPage, pageAs, seedEveryPage } from '../support/every-page'
import { type ServedApp, serveApp } from '../support/served-app'

jest.setTimeout(600_000)

// 适老化 (工信部 APP 适老化通用设计规范): in 长辈版 every text ≥ 18 px, every action ≥ 60 × 60 px, line height ≥ 1.3.
// (Contrast ≥ 4.5:1 is axe's color-contrast, in a11y-axe.e2e.test.ts.)
const MIN_TEXT_PX = 18
const MIN_TARGET_PX = 60
const MIN_LINE_HEIGHT = 1.3

interface Measured {
  smallText: string[]
  tightLines: string[]
  smallTargets: string[]
}

/** Measures, in the page as rendered, every visible text and every control (the tab bar included). */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(
    ({ minText, minTarget, minLine }) => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect()
        if (r.width <= 1 || r.height <= 1) return false
        const style = getComputedStyle(el)
        return style.visibility !== 'hidden' && style.display !== 'none' && (el as HTMLElement).offsetParent !== null
      }
      const name = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} 「${(el.textContent ?? '').trim().slice(0, 16)}」`
      const smallText: string[] = []
      const tightLines: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      const seen = new Set<Element>()
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement
        if (!el || seen.has(el) || !node.nodeValue?.trim() || !visible(el)) continue
        if (el.closest('script, style, .visually-hidden, [aria-hidden="true"]')) continue
        seen.add(el)
        const style = getComputedStyle(el)
        const size = parseFloat(style.fontSize)
        if (size < minText - 0.01) smallText.push(`${name(el)} ${size.toFixed(1)}px`)
        const line = style.lineHeight === 'normal' ? NaN : parseFloat(style.lineHeight)
        // A single line box may be as tall as its text; wrapped text needs the spacing.
        const wraps = el.getBoundingClientRect().height > size * 2
        if (wraps && !(line / size >= minLine - 0.01)) tightLines.push(`${name(el)} ${style.lineHeight} / ${size.toFixed(1)}px`)
      }
      // What is typed into a text box is text too (no text node until typed, so measured on the box itself).
      for (const box of Array.from(document.querySelectorAll('input, textarea'))) {
        if (!visible(box)) continue
        const size = parseFloat(getComputedStyle(box).fontSize)
        if (size < minText - 0.01) smallText.push(`${name(box)} ${size.toFixed(1)}px`)
      }
      const smallTargets: string[] = []
      const controls = document.querySelectorAll(
        '[role="button"], [role="link"], [role="radio"], [role="switch"], [role="tab"], a[href], input, textarea, taro-button-core, .weui-tabbar__item',
      )
      for (const el of Array.from(controls)) {
        if (!visible(el)) continue
        // A text box's real <input> sits in a big wrapper: the wrapper is what is touched.
        const target = el.matches('input, textarea') ? (el.closest('taro-input-core, taro-textarea-core') ?? el) : el
        const r = target.getBoundingClientRect()
        if (r.height < minTarget - 0.5 || r.width < minTarget - 0.5) smallTargets.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`)
      }
      return { smallText, tightLines, smallTargets }
    },
    { minText: MIN_TEXT_PX, minTarget: MIN_TARGET_PX, minLine: MIN_LINE_HEIGHT },
  )
}

describe('长辈版 on every page, measured in the DOM', () => {
  const clock = new TestClock()
  let served: ServedApp
  let browser: Browser
  let fixtures: Fixtures

  beforeAll(async () => {
    served = await serveApp({}, clock.now)
    browser = await launchChromium()
    fixtures = await seedEveryPage(served, clock)
  })
  afterAll(async () => {
    await browser?.close()
    await served?.close()
  })

  for (const width of [375, 320]) {
    describe(`at ${width} px`, () => {
      for (const path of appPagePaths()) {
        it(path, async () => {
          const page = await pageAs(browser, clock, VISITS[path].identity, { elder: true, width })
          try {
            await openPage(page, served.baseUrl, path, fixtures)
            await shot(page, `elder-${width}-${path.replaceAll('/', '_')}`)
            expect(await measure(page)).toEqual({ smallText: [], tightLines: [], smallTargets: [] })
          } finally {
            await page.context().close()
          }
        })
      }
    })
  }
})
