import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { NoRowChanged, statement, statementOfRows } from '../db/statement'

/** What an account holds of each of these sessions now (advice for a clear refusal; the upsert below decides). */
export async function accountUnits(db: Kysely<Database>, userId: string, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map()
  const rows = await unitsHeld.rows(
    db,
    sessionIds.map((sessionId) => ({ userId, sessionId })),
  )
  return new Map(rows.map((r) => [r.session_id, r.units]))
}

// Asked by every booking, of its session or its run of days: one statement per number of sessions.
const unitsHeld = statementOfRows((db, asked: { userId: string; sessionId: string }[]) =>
  db
    .selectFrom('account_session_units')
    .select(['session_id', 'units'])
    .where('user_id', '=', asked[0].userId)
    .where(
      'session_id',
      'in',
      asked.map((a) => a.sessionId),
    ),
)

/**
 * Adds `units` to what the account holds of a session if, and only if, that stays within `limit`: one guarded
 * upsert, so two orders of one account racing cannot both pass (PostgreSQL locks the row and re-checks the guard
 * once the first commits; SQLite runs one writer at a time). Refused, it fails with `NoRowChanged`.
 */
export function takeAccountUnits(trx: Transaction<Database>, userId: string, sessionId: string, units: number, limit: number): Promise<void> {
  if (units > limit) return Promise.reject(new NoRowChanged())
  return unitsCounted.required(trx, { userId, sessionId, units, limit })
}

const unitsCounted = statement((db, { userId, sessionId, units, limit }: { userId: string; sessionId: string; units: number; limit: number }) =>
  db
    .insertInto('account_session_units')
    .values({ user_id: userId, session_id: sessionId, units })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'session_id'])
        .doUpdateSet((eb) => ({ units: eb('account_session_units.units', '+', eb.ref('excluded.units')) }))
        .where((eb) => eb(eb('account_session_units.units', '+', eb.ref('excluded.units')), '<=', limit)),
    ),
)

/** Gives a cancelled booking's units back to its account; an account that is not counted (a desk) has no row. */
export async function returnAccountUnits(
  trx: Transaction<Database>,
  userId: string,
  sessionId: string,
  units: number,
): Promise<void> {
  await trx
    .updateTable('account_session_units')
    .set((eb) => ({ units: eb('units', '-', units) }))
    .where('user_id', '=', userId)
    .where('session_id', '=', sessionId)
    .execute()
}
