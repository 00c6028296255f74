import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { statement } from '../db/statement'

/**
 * Takes `units` of a session if, and only if, they are still there: one guarded UPDATE, so the check and the
 * write are a single statement. PostgreSQL row-locks the session and re-checks the guard after a concurrent
 * writer commits; SQLite runs one writer at a time. Either way `booked` never passes `capacity`. Refused, it
 * fails with `NoRowChanged` (`Statement.required`).
 */
export function takeUnits(trx: Transaction<Database>, sessionId: string, units: number): Promise<void> {
  return unitsTaken.required(trx, { sessionId, units })
}

const unitsTaken = statement((db, { sessionId, units }: { sessionId: string; units: number }) =>
  db
    .updateTable('sessions')
    .set((eb) => ({ booked: eb('booked', '+', units) }))
    .where('id', '=', sessionId)
    .where('open', '=', 1)
    .where((eb) => eb(eb('booked', '+', units), '<=', eb.ref('capacity'))),
)

export async function returnUnits(trx: Transaction<Database>, sessionId: string, units: number): Promise<void> {
  await trx
    .updateTable('sessions')
    .set((eb) => ({ booked: eb('booked', '-', units) }))
    .where('id', '=', sessionId)
    .execute()
}

/** The same guard for one class of a session's places (infant care). */
export function takeClassUnits(trx: Transaction<Database>, sessionId: string, classCode: string, units: number): Promise<void> {
  return classUnitsTaken.required(trx, { sessionId, classCode, units })
}

const classUnitsTaken = statement((db, { sessionId, classCode, units }: { sessionId: string; classCode: string; units: number }) =>
  db
    .updateTable('session_classes')
    .set((eb) => ({ booked: eb('booked', '+', units) }))
    .where('session_id', '=', sessionId)
    .where('class_code', '=', classCode)
    .where((eb) => eb(eb('booked', '+', units), '<=', eb.ref('capacity'))),
)

export async function returnClassUnits(
  trx: Transaction<Database>,
  sessionId: string,
  classCode: string,
  units: number,
): Promise<void> {
  await trx
    .updateTable('session_classes')
    .set((eb) => ({ booked: eb('booked', '-', units) }))
    .where('session_id', '=', sessionId)
    .where('class_code', '=', classCode)
    .execute()
}

/** What is left of a session after a refused take (read once the booking's transaction is over): full, or closed. */
export async function sessionSpace(
  db: Kysely<Database>,
  sessionId: string,
): Promise<{ remaining: number; open: boolean; date: string }> {
  const row = await db
    .selectFrom('sessions')
    .select(['capacity', 'booked', 'open', 'date'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  return { remaining: Math.max(0, row.capacity - row.booked), open: row.open === 1, date: row.date }
}

export async function classSpace(
  db: Kysely<Database>,
  sessionId: string,
  classCode: string,
): Promise<{ remaining: number; date: string }> {
  const row = await db
    .selectFrom('session_classes as c')
    .innerJoin('sessions as s', 's.id', 'c.session_id')
    .select(['c.capacity', 'c.booked', 's.date'])
    .where('c.session_id', '=', sessionId)
    .where('c.class_code', '=', classCode)
    .executeTakeFirstOrThrow()
  return { remaining: Math.max(0, row.capacity - row.booked), date: row.date }
}
