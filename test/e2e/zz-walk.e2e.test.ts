import { operatorId } from '../../server/db/seed/ids'
import { grantStaff } from '../../server/staff/staff-grants'
import { devLogin } from '../support/app'
import { useServedBrowser } from '../support/browser'

jest.setTimeout(120_000)

describe('walk', () => {
  const session = useServedBrowser()
  it('walks at 320 px in 长辈版', async () => {
    const { app, store, baseUrl } = session.served()
    await devLogin(app, 'walk-op')
    await grantStaff(store.db.kysely, { user: 'dev:walk-op', scopeKind: 'operator', scopeId: operatorId('yl-hangkong-erlu'), grantedBy: 'test' }, app.now())
    const browser = session.page().context().browser()!
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await ctx.addInitScript(() => {
      localStorage.setItem('doorstep.elderMode', JSON.stringify({ data: true }))
      localStorage.setItem('doorstep.elderOffered', JSON.stringify({ data: true }))
      localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: 'walk-op' }))
    })
    const page = await ctx.newPage()
    await page.goto(`${baseUrl}/#/packages/facility/detail/index?id=yl-hangkong-erlu`)
    await page.locator('[aria-label="价格公示"] .prices__row').first().waitFor()
    await page.locator('[aria-label="价格公示"] .prices__row').nth(3).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/walk-prices-320.png' })
    await page.goto(`${baseUrl}/#/packages/staff/index/index`)
    await page.locator('[aria-label="服务排期"]').waitFor()
    await page.locator('[aria-label="服务排期"] [role="radio"]', { hasText: '全日托' }).click()
    await page.waitForTimeout(1500)
    await page.locator('[aria-label="服务排期"]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/walk-plan-320.png', fullPage: true })
    // Server down: the save says so and keeps what was typed.
    await page.route('**/api/staff/facilities/*/care-schedules/*', (r) => r.abort())
    await page.locator('[aria-label="服务排期"] .button', { hasText: '保存并发布全日托排期' }).click()
    await page.waitForTimeout(1500)
    await page.locator('[aria-label="服务排期"] [role="status"]').first().scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/walk-plan-down.png' })
  })
})
