/**
 * Runs statements that do not wait on one another's answers together. In a booking's transaction on PostgreSQL
 * they go out in one write and share one round trip (`pipelinedTransaction`, connection.ts); elsewhere they run
 * one after another as before. Each one settles before this does, and the first refusal in the order given is the
 * one thrown — as if they had run in turn — so the reason a resident is given never depends on which answer
 * happened to arrive first.
 *
 * They are issued in the order given and the database runs a connection's statements in the order they arrive,
 * so a row is written before the rows that refer to it, and locks are taken in the order written.
 */
export async function together<T extends readonly unknown[] | []>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = (await Promise.allSettled(work)) as PromiseSettledResult<unknown>[]
  const values = []
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason
    values.push(outcome.value)
  }
  return values as { -readonly [K in keyof T]: Awaited<T[K]> }
}
