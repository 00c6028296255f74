/**
 * Runs statements that do not wait on one another's answers together. In a booking's transaction on PostgreSQL
 * they go out in one write and share one round trip (`pipelinedTransaction`, connection.ts); in a transaction on
 * SQLite they run in turn; on the pool, each on a connection of its own. Each one settles before this does, and
 * the first refusal in the order given is the one thrown — as if they had run in turn — so the reason a resident
 * is given never depends on which answer happened to arrive first.
 *
 * Each statement is issued when its function is called, in the order given, and the database runs a connection's
 * statements in the order they reach it: put first a row the others refer to, and locks in their lock order. (A
 * query that goes through more awaits before it is sent may reach the connection after one listed later, never
 * before one listed earlier that goes through fewer; a row's plain `.execute()` listed first is always first.)
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
