import Taro from '@tarojs/taro'

/** Long enough for a double tap or Enter pressed twice; short of a second, deliberate visit to the same page. */
const SAME_PAGE_MS = 1000

let last: { url: string; at: number } | undefined

/**
 * Taro.navigateTo, once per tap: a double tap on a card or a button (Enter pressed twice, 张桂兰's habit) opened the
 * page twice, and 返回 then led to the same page again. The same page asked for again within a second is not opened
 * a second time; another page is.
 */
export function navigateTo(options: { url: string }): Promise<unknown> {
  const now = Date.now()
  if (last && last.url === options.url && now - last.at < SAME_PAGE_MS) return Promise.resolve()
  last = { url: options.url, at: now }
  return Taro.navigateTo(options)
}

/**
 * The page underneath, or `elsewhere` when there is none (the page was opened from a link or reloaded). Asking
 * first matters in the browser: there Taro's navigateBack on the only page does not fail, it calls history.go(0),
 * which reloads the page, and a resident who had just saved saw the same form again.
 */
export function goBackOr(elsewhere: () => Promise<unknown>): Promise<unknown> {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack().catch(elsewhere)
  return elsewhere()
}
