import { readFileSync } from 'node:fs'
import { type SimulatedApp, bootSimulatedApp } from './simulated-app'

jest.setTimeout(30_000)

describe('the WeChat build (dist/weapp): the facility list', () => {
  let sim: SimulatedApp
  beforeAll(async () => {
    sim = await bootSimulatedApp()
  })
  afterAll(() => sim?.served.stop())

  it('renders the first page with the five facilities fetched from the API', async () => {
    const page = sim.render('pages/facilities/index')
    let text = await page.waitForText((t) => t.includes('航空二路社区嵌入式服务设施'))

    expect(text).toContain('找家门口的服务')
    for (const name of ['航空二路', '佳苑', '人民东路', '红旗', '凌云']) expect(text).toContain(`${name}社区嵌入式服务设施`)
    expect(sim.wx.requests).toContain('/api/facilities')

    // A tap on the 社区助餐 chip reaches the React handler through Taro's event bridge.
    const meal = page.querySelectorAll('.chip').find((c) => c.dom.textContent?.includes('社区助餐'))
    meal?.dispatchEvent('tap')
    text = await page.waitForText((t) => !t.includes('凌云社区嵌入式服务设施'))
    expect(text).toContain('✓ 社区助餐')
    expect(text).not.toContain('凌云社区嵌入式服务设施')
    expect(sim.wx.requests).toContain('/api/facilities?function=meal')

    // The card's link is the part above its 订餐 button.
    page.querySelectorAll('.facility-card__link')[0].dispatchEvent('tap')
    await page.waitForText(() => sim.wx.navigateTo.mock.calls.length > 0)
    expect(sim.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/^\/packages\/facility\/detail\/index\?id=yl-/) }),
    )
  })
})

// 读屏 in WeChat reads aria-role / aria-label (base library ≥ 2.7.1): Taro's templates carry them only because
// config/plugins/aria.ts adds them (the simulator drops aria-* when rendering, so the template is what is checked).
describe('the WeChat build (dist/weapp): accessibility attributes', () => {
  it('lets views, texts and buttons carry aria-role and aria-label', () => {
    const wxml = readFileSync('dist/weapp/base.wxml', 'utf8')
    for (const tag of ['view', 'text', 'button']) {
      expect(wxml).toMatch(new RegExp(`<${tag} [^>]*aria-role="\\{\\{i\\.`))
      expect(wxml).toMatch(new RegExp(`<${tag} [^>]*aria-label="\\{\\{i\\.`))
    }
  })
})
