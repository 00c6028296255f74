import type { Page } from 'playwright-core'
import { shot, useServedBrowser, visibleOn } from '../support/browser'

jest.setTimeout(90_000)

const NETWORK_FAILED = '网络连接失败，请检查网络后重试'

// 张桂兰 loses the network in the lift: taps still open the page she asked for, which says what is wrong and offers
// 重试; when the network is back, 重试 brings the page.
describe('the app in chromium with the server gone', () => {
  const session = useServedBrowser()
  let page: Page
  beforeAll(() => {
    page = session.page()
  })

  const visible = (selector: string, text?: string) => visibleOn(page)(selector, text)
  const tab = (name: string) => page.locator('.weui-tabbar__item', { hasText: name }).first()

  it('opens a facility from its card and says the network failed, with 重试', async () => {
    await page.goto(session.served().baseUrl)
    await visible('.facility-card').waitFor()
    // The app fetches the other pages' code 4 s after the first screen has loaded; give it that and the moment it takes.
    await page.waitForTimeout(5500)
    await page.waitForLoadState('networkidle')
    await session.served().stop()

    await visible('.facility-card', '红旗社区').click()
    await visible('.state--error', NETWORK_FAILED).waitFor({ timeout: 10_000 })
    expect(page.url()).toContain('/packages/facility/detail/index?id=yl-hongqi')
    await shot(page, 'offline-facility')

    await session.served().resume()
    await visible('.state--error .button', '重试').click()
    await visible('.detail__name', '红旗社区').waitFor()
  })

  it('switches tabs offline and shows each tab’s error with 重试', async () => {
    await page.goBack()
    await page.locator('.detail__name').waitFor({ state: 'detached' })
    await session.served().stop()
    await tab('预约').click()
    await visible('.state--error', NETWORK_FAILED).waitFor({ timeout: 10_000 })
    await shot(page, 'offline-bookings')
    await tab('我的').click()
    await visible('.state--error', NETWORK_FAILED).waitFor({ timeout: 10_000 })

    await session.served().resume()
    await visible('.state--error .button', '重试').click()
    await visible('.button', '添加家人或本人').waitFor()
    // Back on a tab that failed, it asks again by itself.
    await tab('预约').click()
    await visible('.state', '没有待使用的预约').waitFor()
  })
})
