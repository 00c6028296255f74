/** How long an answer the page came with stays good: a tab left open for an hour must not show an hour-old 营业中. */
const FRESH_MS = 30_000

/** How long the app waits for an answer boot.js is still fetching before it asks for it itself. */
const EARLY_PATIENCE_MS = 6_000

/**
 * H5: an answer the page arrived with (server/web/embedded-answer.ts), taken once: a later ask (pull to refresh,
 * coming back to the tab) goes to the server. Only while the page is fresh (FRESH_MS).
 */
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
  if (performance.now() > FRESH_MS) return undefined
  // A fetch stalled on a dead connection would keep the page loading for minutes: after a while the app asks
  // itself, with its own time limit and its own message when that fails too.
  const patience = new Promise<undefined>((settle) => setTimeout(settle, EARLY_PATIENCE_MS))
  return Promise.race([answer, patience])
}
