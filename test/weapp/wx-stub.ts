// The parts of WeChat's `wx` the production build calls, for miniprogram-simulate in jsdom.
// wx.request is answered by the real API over loopback.
import { request as httpRequest } from 'node:http'

export interface WxStubOptions {
  /** The origin baked into the build (TARO_APP_API_BASE) and the one the test's API really listens on. */
  builtOrigin: string
  servedOrigin: string
}

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }

function settle<T>(options: Callbacks, work: () => Promise<T>): void {
  work().then(
    (result) => {
      options.success?.(result)
      options.complete?.(result)
    },
    (err: unknown) => {
      const failure = { errMsg: `fail ${String(err)}` }
      options.fail?.(failure)
      options.complete?.(failure)
    },
  )
}

function send(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ statusCode: number; data: unknown; header: object; errMsg: string }>((done, fail) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () =>
        done({ statusCode: res.statusCode ?? 0, data: text ? JSON.parse(text) : '', header: {}, errMsg: 'request:ok' }),
      )
    })
    req.on('error', fail)
    if (method === 'POST' && body !== undefined) req.write(body)
    req.end()
  })
}

export function createWx({ builtOrigin, servedOrigin }: WxStubOptions) {
  const storage = new Map<string, unknown>()
  const requests: string[] = []
  const systemInfo = {
    platform: 'devtools',
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    fontSizeSetting: 16,
    SDKVersion: '3.6.0',
    language: 'zh_CN',
    version: '8.0.50',
  }

  const wx = {
    requests,
    request(options: Callbacks & { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
      const url = options.url.replace(builtOrigin, servedOrigin)
      requests.push(url.replace(servedOrigin, ''))
      settle(options, () => send(url, options.method ?? 'GET', options.header ?? {}, options.data as string))
      return { abort() {} }
    },
    login: (o: Callbacks) => settle(o, async () => ({ code: 'ok-simulated-user', errMsg: 'login:ok' })),
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: (o: Callbacks) => settle(o, async () => systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => ({ ...systemInfo, fontSizeScaleFactor: 1 }),
    getMenuButtonBoundingClientRect: () => ({ top: 24, bottom: 56, left: 280, right: 367, width: 87, height: 32 }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    navigateTo: jest.fn((o: Callbacks) => settle(o, async () => ({ errMsg: 'navigateTo:ok' }))),
    switchTab: jest.fn((o: Callbacks) => settle(o, async () => ({ errMsg: 'switchTab:ok' }))),
    redirectTo: jest.fn((o: Callbacks) => settle(o, async () => ({ errMsg: 'redirectTo:ok' }))),
    showToast: jest.fn((o: Callbacks) => settle(o, async () => ({ errMsg: 'showToast:ok' }))),
    stopPullDownRefresh: jest.fn(),
    getLocation: jest.fn((o: Callbacks) => settle(o, async () => ({ latitude: 34.6534, longitude: 109.2301 }))),
    /** WeChat's privacy check: the app's listener, for a test to call as WeChat would before a location request. */
    privacyListeners: [] as ((resolve: (option: { event: string; buttonId?: string }) => void) => void)[],
    onNeedPrivacyAuthorization(listener: (resolve: (option: { event: string; buttonId?: string }) => void) => void) {
      wx.privacyListeners.push(listener)
    },
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
    onAppRoute: () => undefined,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    createSelectorQuery: () => ({
      select: () => ({ boundingClientRect: () => ({ exec: (cb: (r: unknown[]) => void) => cb([null]) }) }),
      in: function () {
        return this
      },
      exec: (cb: (r: unknown[]) => void) => cb([]),
    }),
  }
  return wx
}
