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

/**
 * H5: an answer js/boot.js began to fetch as the page started (config/early-answers.ts), by the path
 * and query the app asks for; taken once, like the embedded one, and only while the page is fresh. Resolves to
 * undefined when that fetch failed: the app then asks the server itself, and says what went wrong.
 */
export function takeEarlyAnswer(url: string): Promise<unknown> | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined
  const early = (window as { doorstepEarly?: Record<string, Promise<unknown>> }).doorstepEarly
  const answer = early?.[url]
  if (!answer) return undefined
  delete early[url]
  return performance.now() > FRESH_MS ? undefined : answer
}
