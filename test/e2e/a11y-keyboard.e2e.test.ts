import type { Browser, Page } from 'playwright-core'
import { launchChromium, shot } from '../support/browser'
import { TestClock } from '../support/clock'
import { type Fixtures, VISITS, appPagePaths, openPage, pageAs, seedEveryPage } from '../support/every-page'
import { type ServedApp, serveApp } from '../support/served-app'

jest.setTimeout(600_000)

const MAX_TABS = 120

/** What has the keyboard focus: its role, its accessible name as a person would hear it, and whether it shows a ring. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    // A text box's ring is drawn on Taro's wrapper around the real <input>.
    const ringed = el.matches('input, textarea') ? (el.closest('taro-input-core, taro-textarea-core') ?? el) : el
    const style = getComputedStyle(el)
    const wrapper = getComputedStyle(ringed)
    const named = el.getAttribute('aria-label') ?? el.querySelector('input, textarea')?.getAttribute('aria-label')
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      name: (named ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ring: [style, wrapper].some((s) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2),
    }
  })

/**
 * Visible controls that can be tapped but not reached with Tab. Left out on purpose: disabled ones, and the options
 * of a radio group, which Tab enters once and the arrow keys walk (radioArrowKeys).
 */
const unreachableControls = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.page taro-button-core, .page .tap'))
      .filter((el) => el.getClientRects().length > 0 && el.closest('[aria-hidden="true"]') === null)
      .filter((el) => el.getAttribute('aria-disabled') !== 'true' && el.getAttribute('role') !== 'radio' && el.tabIndex < 0)
      .map((el) => `${el.className} 「${(el.textContent ?? '').trim().slice(0, 12)}」`),
  )

/** Presses Tab until the focus is on a control whose name matches; fails after MAX_TABS. Returns the stops passed. */
async function tabTo(page: Page, name: RegExp): Promise<string[]> {
  const passed: string[] = []
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page)
    if (!now) continue
    passed.push(`${now.role}:${now.name.slice(0, 12)}`)
    expect({ focus: now.name, ring: now.ring }).toEqual({ focus: now.name, ring: true })
    if (name.test(now.name)) return passed
  }
  throw new Error(`Tab never reached ${name} after ${MAX_TABS} presses: ${passed.join(' → ')}`)
}

// Every page of src/app.config.ts with the keyboard alone: Tab reaches the page's main action (and the choices it
// needs), each stop shows a focus ring, and Enter does what a tap does.
describe('the keyboard on every page', () => {
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

  for (const path of appPagePaths()) {
    it(path, async () => {
      const { main, identity } = VISITS[path]
      const page = await pageAs(browser, clock, identity, { elder: false })
      try {
        await openPage(page, served.baseUrl, path, fixtures)
        // Whatever a tap can press, the keyboard can reach: a control left out of the Tab order is found here, on
        // every page, not only when it is the page's main action.
        expect(await unreachableControls(page)).toEqual([])
        if (!main) {
          // A page to read: Tab finds nothing on it to press but 返回 and 首页, and the page still reads as a whole.
          expect(await page.locator('.page:visible [tabindex="0"]:not(.sub-page-nav *)').count()).toBe(0)
          return
        }
        for (const step of main.before ?? []) {
          if (step instanceof RegExp) {
            await tabTo(page, step)
            await page.keyboard.press('Enter')
          } else if ('press' in step) {
            await tabTo(page, step.name)
            await page.keyboard.press(step.press)
          } else {
            await tabTo(page, step.name)
            await page.keyboard.type(step.type)
          }
          await page.waitForTimeout(300)
        }
        await tabTo(page, main.name)
        if (main.type) await page.keyboard.type(main.type(fixtures))
        const request = main.shows.request
        const sent = request ? page.waitForRequest((r) => r.url().includes(request) && r.method() !== 'GET', { timeout: 10_000 }) : null
        await page.keyboard.press('Enter')
        await sent
        if (main.shows.url) await page.waitForURL((url) => url.href.includes(main.shows.url!), { timeout: 10_000 })
        if (main.shows.text) await page.locator('.page:visible', { hasText: main.shows.text }).first().waitFor({ timeout: 10_000 })
      } finally {
        await shot(page, `keyboard-${path.replaceAll('/', '_')}`)
        await page.context().close()
      }
      // A page takes seconds: one that hangs fails on its own instead of holding the whole suite for the file's 10 min.
    }, 120_000)
  }
})
