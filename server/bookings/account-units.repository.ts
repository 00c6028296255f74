import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'

/** What an account holds of each of these sessions now (advice for a clear refusal; the upsert below decides). */
export async function accountUnits(db: Kysely<Database>, userId: string, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('account_session_units')
    .select(['session_id', 'units'])
    .where('user_id', '=', userId)
    .where('session_id', 'in', sessionIds)
    .execute()
  return new Map(rows.map((r) => [r.session_id, r.units]))
}

/**
 * Adds `units` to what the account holds of a session if, and only if, that stays within `limit`: one guarded
 * upsert, so two orders of one account racing cannot both pass (PostgreSQL locks the row and re-checks the guard
 * once the first commits; SQLite runs one writer at a time).
 */
export async function takeAccountUnits(
  trx: Transaction<Database>,
  userId: string,
  sessionId: string,
  units: number,
  limit: number,
): Promise<boolean> {
  if (units > limit) return false
  const result = await trx
    .insertInto('account_session_units')
    .values({ user_id: userId, session_id: sessionId, units })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'session_id'])
        .doUpdateSet((eb) => ({ units: eb('account_session_units.units', '+', eb.ref('excluded.units')) }))
        .where((eb) => eb(eb('account_session_units.units', '+', eb.ref('excluded.units')), '<=', limit)),
    )
    .executeTakeFirst()
  return result.numInsertedOrUpdatedRows === 1n
}

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
