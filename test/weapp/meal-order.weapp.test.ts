import { type FakeWechat, startFakeWechat } from '../support/fake-wechat'
import { type SimulatedApp, bootSimulatedApp } from './simulated-app'

jest.setTimeout(30_000)

// The order page from its subpackage, signed in through wx.login → the server → a fake jscode2session.
describe('the WeChat build (dist/weapp): ordering a meal', () => {
  let wechat: FakeWechat
  let sim: SimulatedApp
  beforeAll(async () => {
    wechat = await startFakeWechat()
    sim = await bootSimulatedApp({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' })
  })
  afterAll(async () => {
    await sim?.served.stop()
    await wechat?.close()
  })

  it('signs in with wx.login, shows the menu and the price, and books', async () => {
    const page = sim.render('packages/meal/order/index', { facilityId: 'yl-jiayuan' })
    const text = await page.waitForText((t) => t.includes('确认预约 · 到店付'))
    expect(text).toContain('午餐')
    expect(text).toContain('个人支付（到店付款）')
    expect(wechat.calls.map((c) => c.get('js_code'))).toContain('ok-simulated-user')
    expect(sim.wx.requests).toContain('/api/facilities/yl-jiayuan/sessions?function=meal')

    const submit = page.querySelectorAll('.meal-order__submit')[0]
    submit.dispatchEvent('tap')
    await page.waitForText(() => sim.wx.redirectTo.mock.calls.length > 0)
    expect(sim.wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/^\/packages\/booking\/detail\/index\?id=b-.+&placed=1$/) }),
    )
    expect(sim.wx.requests).toContain('/api/bookings')
  })
})
