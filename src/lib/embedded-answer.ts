/**
 * H5: an answer the page arrived with (server/web/embedded-answer.ts), taken once: a later ask (pull to refresh,
 * coming back to the tab) goes to the server. Only while the page is fresh: a tab left open for an hour must not
 * show an hour-old 营业中.
 */
const FRESH_MS = 30_000

export function takeEmbeddedAnswer<T>(id: string): T | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
  const block = document.getElementById(id)
  if (!block) return undefined
  block.remove()
  if (performance.now() > FRESH_MS) return undefined
  try {
    return JSON.parse(block.textContent ?? '') as T
  } catch {
    return undefined
  }
}
