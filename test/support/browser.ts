import { existsSync, mkdirSync } from 'node:fs'
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core'
import { type ServedApp, serveApp } from './served-app'

/** Debian's chromium, never a downloaded browser; the flags keep it off this machine's closed network. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone-sized context in Xi'an: 375 px wide, Chinese, Asia/Shanghai; `options` add to it (a granted position …). */
export function phoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  })
}

/**
 * For a describe block: the real API serving dist/h5 on a fresh SQLite file, and one phone-sized page in
 * Debian's chromium, started before the tests and closed after. With a clock, the API reads it (see serveApp); the
 * context options add to the phone's (a granted position …).
 */
export function useServedBrowser({ clock, context = {} }: { clock?: () => Date; context?: BrowserContextOptions } = {}): {
  page: () => Page
  served: () => ServedApp
} {
  let served: ServedApp
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    if (!existsSync('dist/h5/index.html')) throw new Error('dist/h5 is missing: run `npm run build:h5` (npm test does)')
    served = await serveApp({}, clock)
    browser = await launchChromium()
    page = await (await phoneContext(browser, context)).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await served?.close()
  })
  return { page: () => page, served: () => served }
}

/** The first visible element matching `selector` (and containing `text`), on any page. */
export const visible = (page: Page, selector: string, text?: string | RegExp) =>
  page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()

/** A phone of its own (a new context), signed in through the development login as `openid`. */
export async function phoneSignedIn(browser: Browser, openid: string): Promise<Page> {
  const context = await phoneContext(browser)
  await context.addInitScript((id) => localStorage.setItem('doorstep.devIdentity', JSON.stringify({ data: id })), openid)
  return context.newPage()
}

/** The first visible element matching `selector` (and containing `text`): how the browser suites find things. */
export const visibleOn =
  (page: Page) =>
  (selector: string, text?: string) =>
    page.locator(`${selector}:visible`, text ? { hasText: text } : undefined).first()

/** With E2E_SHOTS=1, saves a full-page screenshot to test-results/<name>.png for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return
  mkdirSync('test-results', { recursive: true })
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true })
}
