import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { createWx } from './wx-stub'

// The production WeChat build itself, run by miniprogram-simulate (j-component) in jsdom, against
// `server/main.ts` running as its own process.
export const DIST = resolve('dist/weapp')

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }

export interface SimulatedApp {
  wx: ReturnType<typeof createWx>
  served: ServerProcess
  /** Renders a page of the build with a query, as WeChat would open it. */
  render(path: string, query?: Record<string, string>): SimulatedPage
}

export interface SimulatedPage {
  dom: HTMLElement
  querySelectorAll(selector: string): { dom: Element; dispatchEvent(name: string): void }[]
  /** Waits until the page's text satisfies the check (up to 5 s). */
  waitForText(check: (text: string) => boolean): Promise<string>
}

export async function bootSimulatedApp(env: Record<string, string> = {}): Promise<SimulatedApp> {
  if (!existsSync(resolve(DIST, 'app.json'))) throw new Error('dist/weapp is missing: run `npm run build:weapp`')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate')
  const served = await startServerProcess(env)
  const builtOrigin = /TARO_APP_API_BASE="([^"]+)"/.exec(readFileSync('.env.production', 'utf8'))?.[1] ?? ''
  const wx = createWx({ builtOrigin, servedOrigin: served.baseUrl })
  let nextQuery: Record<string, string> = {}

  /** Taro registers pages with Page(); j-component only knows Component(): move the page hooks across. */
  const pageAsComponent = (options: PageOptions) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    return {
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (arg?: unknown) => void>) {
          this.onLoad?.(nextQuery)
          this.onShow?.()
        },
        ready(this: Record<string, () => void>) {
          this.onReady?.()
        },
      },
    }
  }

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

  return {
    wx,
    served,
    render(path, query = {}) {
      nextQuery = query
      const page = simulate.render(simulate.load(resolve(DIST, path), { rootPath: DIST }))
      page.attach(document.createElement('parent-wrapper'))
      return {
        dom: page.dom,
        querySelectorAll: (selector) => page.querySelectorAll(selector),
        async waitForText(check) {
          const text = () => page.dom.textContent as string
          for (let i = 0; i < 100 && !check(text()); i++) await simulate.sleep(50)
          return text()
        },
      }
    },
  }
}
