import type { Page } from 'playwright-core'
import { shot, useServedBrowser, visibleOn } from '../support/browser'

jest.setTimeout(90_000)

// 凌云 is a reserve project: nothing can be booked there, and each service points to the nearest facility where it can.
describe('a facility page offers 预约 only where the service is open', () => {
  const session = useServedBrowser()
  let page: Page
  beforeAll(() => {
    page = session.page()
  })

  const visible = (selector: string, text?: string) => visibleOn(page)(selector, text)
  const detailUrl = (id: string) => `${session.served().baseUrl}/#/packages/facility/detail/index?id=${id}`

  it('shows 凌云 without a 预约 button, with the way to the nearest facility for each service', async () => {
    await page.goto(detailUrl('yl-lingyun'))
    await visible('.detail__name', '凌云社区').waitFor()
    await visible('.detail__line', '储备项目').waitFor()
    expect(await page.locator('.button:visible', { hasText: /^预约/ }).count()).toBe(0)
    expect(await page.locator('.detail__elsewhere:visible').count()).toBe(3)
    await shot(page, 'facility-lingyun')
  })

  it('goes to the nearest facility, follows the address when it changes, and comes back', async () => {
    await visible('.detail__elsewhere', '日间照料').locator('.button', { hasText: '查看红旗社区' }).click()
    await visible('.detail__name', '红旗社区').waitFor()
    await visible('.button', '预约日间照料').waitFor()
    // 凌云 is in the history too: an address naming another facility shows that one, not the earlier page.
    await page.evaluate(() => {
      window.location.hash = '#/packages/facility/detail/index?id=yl-jiayuan'
    })
    await visible('.detail__name', '佳苑社区').waitFor()
    expect(await page.locator('.detail__name:visible').textContent()).toBe('佳苑社区嵌入式服务设施')
    await visible('.button', '预约短期托养').waitFor()

    await page.goBack()
    await page.waitForFunction(() => window.location.hash.includes('id=yl-hongqi'))
    await visible('.detail__name', '红旗社区').waitFor()
  })
})
