import { readFileSync } from 'node:fs'
import { type SimulatedApp, bootSimulatedApp } from './simulated-app'

jest.setTimeout(30_000)

// With __usePrivacyCheck__, WeChat holds the first location request until the mini-program's own prompt is agreed
// to through a button of open-type agreePrivacyAuthorization (whose id it checks).
describe('the WeChat build (dist/weapp): the privacy prompt before the first location request', () => {
  let sim: SimulatedApp
  beforeAll(async () => {
    sim = await bootSimulatedApp()
  })
  afterAll(() => sim?.served.stop())

  it('registers for WeChat’s privacy check, shows the prompt where it is needed, and answers with the agree button', async () => {
    const page = sim.render('pages/facilities/index')
    await page.waitForText((t) => t.includes('航空二路社区嵌入式服务设施'))
    expect(sim.wx.privacyListeners).toHaveLength(1)

    const answers: { event: string; buttonId?: string }[] = []
    sim.wx.privacyListeners[0]((option) => answers.push(option))
    const text = await page.waitForText((t) => t.includes('使用位置前，请您知悉'))
    expect(text).toContain('《隐私政策》')
    expect(answers).toEqual([{ event: 'exposureAuthorization' }])

    // The simulator keeps neither id nor open-type on the element (the template test below checks them): the
    // agree event is what WeChat sends once the resident taps the button.
    const agree = page.querySelectorAll('.button').find((b) => b.dom.textContent?.includes('同意并继续'))
    expect(agree).toBeDefined()
    agree?.dispatchEvent('agreeprivacyauthorization')
    await page.waitForText((t) => !t.includes('使用位置前，请您知悉'))
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-privacy' }])
  })

  it('puts the open-type WeChat checks on the agree button in the build', () => {
    expect(JSON.parse(readFileSync('dist/weapp/app.json', 'utf8')).__usePrivacyCheck__).toBe(true)
    // A button's id is the one the code gives it (WeChat checks the agreeing button by it), its open-type too.
    const button = readFileSync('dist/weapp/base.wxml', 'utf8').match(/<button [^>]*>/)?.[0] ?? ''
    expect(button).toContain('bindagreeprivacyauthorization="eh"')
    expect(button).toContain('id="{{i.uid||i.sid}}"')
    expect(button).toMatch(/open-type="\{\{i\.p\d+\}\}"/)
  })
})
