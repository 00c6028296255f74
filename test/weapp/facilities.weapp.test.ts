import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { createWx } from './wx-stub'

// The production WeChat build itself, rendered by miniprogram-simulate (j-component) in jsdom.
const DIST = resolve('dist/weapp')
jest.setTimeout(30_000)

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }

/** Taro registers pages with Page(); j-component only knows Component(): move the page hooks across. */
function pageAsComponent(options: PageOptions) {
  const methods: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: Record<string, (arg?: unknown) => void>) {
        this.onLoad?.({})
        this.onShow?.()
      },
      ready(this: Record<string, () => void>) {
        this.onReady?.()
      },
    },
  }
}

describe('the WeChat build (dist/weapp) in miniprogram-simulate', () => {
  let served: ServerProcess
  let wx: ReturnType<typeof createWx>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate')

  beforeAll(async () => {
    if (!existsSync(resolve(DIST, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp`')
    served = await startServerProcess()
    const builtOrigin = /TARO_APP_API_BASE="([^"]+)"/.exec(readFileSync('.env.production', 'utf8'))?.[1] ?? ''
    wx = createWx({ builtOrigin, servedOrigin: served.baseUrl })
    let app: Record<string, (arg?: unknown) => void> = {}
    const g = globalThis as Record<string, unknown>
    g.wx = wx
    g.App = (options: typeof app) => {
      app = options
    }
    g.getApp = () => app
    g.getCurrentPages = () => []
    g.Page = (options: PageOptions) => (g.Component as (o: unknown) => void)(pageAsComponent(options))
    require(resolve(DIST, 'app.js'))
    app.onLaunch?.({ path: 'pages/facilities/index', query: {} })
    app.onShow?.({ path: 'pages/facilities/index', query: {} })
  })
  afterAll(() => served?.stop())

  it('renders the first page with the five facilities fetched from the API', async () => {
    const id = simulate.load(resolve(DIST, 'pages/facilities/index'), { rootPath: DIST })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))

    const text = () => page.dom.textContent as string
    for (let i = 0; i < 100 && !text().includes('航空二路社区嵌入式服务设施'); i++) await simulate.sleep(50)

    expect(text()).toContain('找家门口的服务')
    for (const name of ['航空二路', '佳苑', '人民东路', '红旗', '凌云']) expect(text()).toContain(`${name}社区嵌入式服务设施`)
    expect(wx.requests).toContain('/api/facilities')

    // A tap on the 社区助餐 chip reaches the React handler through Taro's event bridge.
    const chips = page.querySelectorAll('.chip')
    const meal = chips.find((c: { dom: Element }) => c.dom.textContent?.includes('社区助餐'))
    meal.dispatchEvent('tap')
    for (let i = 0; i < 100 && text().includes('凌云社区嵌入式服务设施'); i++) await simulate.sleep(50)
    expect(text()).toContain('✓ 社区助餐')
    expect(text()).not.toContain('凌云社区嵌入式服务设施')
    expect(wx.requests).toContain('/api/facilities?function=meal')

    const card = page.querySelectorAll('.facility-card')[0]
    card.dispatchEvent('tap')
    await simulate.sleep(50)
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/^\/packages\/facility\/detail\/index\?id=yl-/) }),
    )
  })
})
