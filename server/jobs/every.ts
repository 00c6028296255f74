/**
 * Runs `job` every `intervalMs`, one round at a time (a slow round is not overlapped by the next); 0 turns it off.
 * Returns a stop function. The timer does not keep the process alive.
 */
export function every(intervalMs: number, job: () => Promise<unknown>, log: (err: unknown) => void): () => void {
  if (intervalMs === 0) return () => undefined
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await job()
    } catch (err) {
      log(err)
    } finally {
      running = false
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
