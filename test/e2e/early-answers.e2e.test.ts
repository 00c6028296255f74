import type { Page, Route } from 'playwright-core'
import { useServedBrowser } from '../support/browser'

jest.setTimeout(60_000)

// A page opened from its address (a shared link, a reload) asks for its public answers from js/boot.js while the
// app's code is still downloading (config/early-answers.ts), and the app draws them without asking again.
describe('answers a page asks for as it starts', () => {
  const session = useServedBrowser()
  const detailUrl = () => `${session.served().baseUrl}/#/packages/facility/detail/index?id=yl-hongqi`

  /** A fresh page whose app.js arrives only when `release` is called: a slow phone's download, made certain. */
  async function withSlowApp(): Promise<{ page: Page; release: () => void; asked: string[] }> {
    const page = await session.page().context().newPage()
    let release = () => {}
    const arrived = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route(/\/js\/app\.[0-9a-f]{8}\.js$/, async (route: Route) => {
      await arrived
      await route.continue()
    })
    const asked: string[] = []
    page.on('request', (r) => {
      const { pathname, search } = new URL(r.url())
      if (pathname.startsWith('/api/facilities/')) asked.push(pathname + search)
    })
    return { page, release, asked }
  }

  /** The page's early answers, asked for while app.js is held back: before the app could ask. */
  const askedEarly = (page: Page) => page.waitForFunction(() => Object.keys((window as { doorstepEarly?: object }).doorstepEarly ?? {}).sort().join(' '))

  it('asks for a facility shared as a link before the app has arrived, and draws it without asking again', async () => {
    const { page, release, asked } = await withSlowApp()
    // The boot script is inline (server/web/inline-boot.ts): the page's Content Security Policy must let it run.
    const refused: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text())
    })
    await page.goto(detailUrl(), { waitUntil: 'commit' })
    expect(await (await askedEarly(page)).jsonValue()).toBe('/api/facilities/yl-hongqi /api/facilities/yl-hongqi/prices')
    release()
    await page.locator('.page:visible', { hasText: '红旗社区嵌入式服务设施' }).first().waitFor()
    await page.waitForLoadState('networkidle')
    // Each asked for once: by boot.js, not again by the app.
    expect(asked.sort()).toEqual(['/api/facilities/yl-hongqi', '/api/facilities/yl-hongqi/prices'])
    expect(refused).toEqual([])
    await page.close()
  })

  // zod never arrives: these pages read their answers as the server sent them (serverChecked in src/api/client.ts).
  const withoutZod = async () => {
    const page = await session.page().context().newPage()
    await page.route(/\/js\/zod\.[0-9a-f]{8}\.js$/, () => new Promise<void>(() => {}))
    return page
  }

  it('draws a facility shared as a link, its prices and its services without zod, which a slow phone need not wait for', async () => {
    const page = await withoutZod()
    await page.goto(detailUrl())
    const drawn = page.locator('.page:visible', { hasText: '红旗社区嵌入式服务设施' }).first()
    await drawn.waitFor()
    await drawn.getByText('价格公示').first().waitFor()
    await drawn.getByText('社区助餐').first().waitFor()
    await page.close()
  })

  it.each([
    ['订餐: the menu and the price of the chosen meal', '/#/packages/meal/order/index?facilityId=yl-hongqi', '.quote', '个人支付'],
    ['预约托育: the family’s children read (none yet: it asks for one)', '/#/packages/care/infant/index?facilityId=yl-hangkong-erlu', '.page', '请先添加孩子的信息'],
  ])('draws %s without zod', async (_, path, selector, text) => {
    const page = await withoutZod()
    await page.goto(`${session.served().baseUrl}${path}`)
    await page.locator(selector, { hasText: text }).locator('visible=true').first().waitFor()
    await page.close()
  })

  it('asks the server itself when that first fetch failed, and draws the answer', async () => {
    const { page, release, asked } = await withSlowApp()
    let failed = 0
    await page.route('**/api/facilities/yl-hongqi', (route) => (failed++ === 0 ? route.abort('connectionreset') : route.continue()))
    await page.goto(detailUrl(), { waitUntil: 'commit' })
    await askedEarly(page)
    release()
    await page.locator('.page:visible', { hasText: '红旗社区嵌入式服务设施' }).first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(asked.filter((path) => path === '/api/facilities/yl-hongqi').length).toBe(2)
    await page.close()
  })

  it('asks the server again on a second visit: the early answer is taken once', async () => {
    const { page, release, asked } = await withSlowApp()
    release()
    await page.goto(detailUrl())
    await page.locator('.page:visible', { hasText: '红旗社区嵌入式服务设施' }).first().waitFor()
    await page.waitForLoadState('networkidle')
    // Back to 首页 and into the same facility again: the page asks, the answer at the start is not used twice.
    await page.locator('.sub-page-nav__home:visible').click()
    await page.locator('.facility-card:visible', { hasText: '红旗社区' }).click()
    await page.locator('.page:visible', { hasText: '红旗社区嵌入式服务设施' }).first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(asked.filter((path) => path === '/api/facilities/yl-hongqi').length).toBe(2)
    await page.close()
  })

  it('asks for nothing early on a page whose address lacks the parameter, or names no id', async () => {
    for (const query of ['', '?id=', '?id=..%2F..%2Fauth']) {
      // app.js held back: whatever is asked for is boot.js's doing.
      const { page, asked } = await withSlowApp()
      await page.goto(`${session.served().baseUrl}/#/packages/facility/detail/index${query}`, { waitUntil: 'commit' })
      await page.waitForFunction(() => (window as { doorstepEarly?: object }).doorstepEarly !== undefined)
      await page.waitForTimeout(300)
      expect([query, await page.evaluate(() => (window as { doorstepEarly?: object }).doorstepEarly), asked]).toEqual([query, {}, []])
      await page.close()
    }
  })

  it('asks the server itself when the early fetch hangs (a dead connection), and draws the answer', async () => {
    const { page, release, asked } = await withSlowApp()
    let first = true
    await page.route('**/api/facilities/yl-hongqi', (route) => {
      if (!first) return route.continue()
      first = false
      // Never answered: as a connection that stalled in a lift.
    })
    await page.goto(detailUrl(), { waitUntil: 'commit' })
    await askedEarly(page)
    release()
    await page.locator('.page:visible', { hasText: '红旗社区嵌入式服务设施' }).first().waitFor({ timeout: 15_000 })
    expect(asked.filter((path) => path === '/api/facilities/yl-hongqi').length).toBe(2)
    await page.close()
  })
})
