import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'

/**
 * Takes `units` of a session if, and only if, they are still there: one guarded UPDATE, so the check and the
 * write are a single statement. PostgreSQL row-locks the session and re-checks the guard after a concurrent
 * writer commits; SQLite runs one writer at a time. Either way `booked` never passes `capacity`.
 */
export async function takeUnits(trx: Transaction<Database>, sessionId: string, units: number): Promise<boolean> {
  const result = await trx
    .updateTable('sessions')
    .set((eb) => ({ booked: eb('booked', '+', units) }))
    .where('id', '=', sessionId)
    .where('open', '=', 1)
    .where((eb) => eb(eb('booked', '+', units), '<=', eb.ref('capacity')))
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function returnUnits(trx: Transaction<Database>, sessionId: string, units: number): Promise<void> {
  await trx
    .updateTable('sessions')
    .set((eb) => ({ booked: eb('booked', '-', units) }))
    .where('id', '=', sessionId)
    .execute()
}

/** What is left of a session after a refused take: full, or closed meanwhile. */
export async function sessionSpace(
  trx: Transaction<Database>,
  sessionId: string,
): Promise<{ remaining: number; open: boolean }> {
  const row = await trx
    .selectFrom('sessions')
    .select(['capacity', 'booked', 'open'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  return { remaining: Math.max(0, row.capacity - row.booked), open: row.open === 1 }
}
