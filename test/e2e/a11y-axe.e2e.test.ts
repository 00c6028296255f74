import type { Browser } from 'playwright-core'
import { runAxe } from '../support/axe'
import { launchChromium, shot } from '../support/browser'
import { TestClock } from '../support/clock'
import { type Fixtures, VISITS, appPagePaths, openPage, pageAs, seedEveryPage } from '../support/every-page'
import { type ServedApp, serveApp } from '../support/served-app'

jest.setTimeout(600_000)

// Moderate in axe, but what the Page shell promises on every page: one main landmark, a level-1 heading, nothing
// (the tab bar included) outside a landmark.
const LANDMARKS = ['landmark-one-main', 'page-has-heading-one', 'region']

// axe-core (the npm package, injected) on every page of src/app.config.ts, in normal mode and in 长辈版: no critical
// or serious violation, and the landmarks and heading of the page shell. Lighthouse's accessibility score misses most of what this finds, so it is not the gate.
describe('axe on every page', () => {
  const clock = new TestClock()
  let served: ServedApp
  let browser: Browser
  let fixtures: Fixtures
  const report: string[] = []

  beforeAll(async () => {
    served = await serveApp({}, clock.now)
    browser = await launchChromium()
    fixtures = await seedEveryPage(served, clock)
  })
  afterAll(async () => {
    if (report.length) console.log(report.join('\n'))
    await browser?.close()
    await served?.close()
  })

  it('has a visit for every page of the app config, and none other', () => {
    expect(Object.keys(VISITS).sort()).toEqual(appPagePaths().sort())
  })

  for (const elder of [false, true]) {
    describe(elder ? '长辈版' : 'normal mode', () => {
      for (const path of appPagePaths()) {
        it(path, async () => {
          const page = await pageAs(browser, clock, VISITS[path].identity, { elder })
          try {
            await openPage(page, served.baseUrl, path, fixtures)
            const violations = await runAxe(page)
            for (const v of violations) {
              report.push(`${elder ? 'elder' : 'normal'} ${path} ${v.impact} ${v.id} ×${v.nodes.length} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
            }
            await shot(page, `axe-${elder ? 'elder' : 'normal'}-${path.replaceAll('/', '_')}`)
            const blocking = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious' || LANDMARKS.includes(v.id))
            expect(blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
          } finally {
            await page.context().close()
          }
        })
      }
    })
  }
})
