import type { Insertable, Kysely, Transaction } from 'kysely'
import type { ActivityRow, ActivityTable, Database, SessionRow, SessionTable } from '../db/schema'

export async function insertActivity(
  trx: Transaction<Database>,
  activity: Insertable<ActivityTable>,
  sessions: Insertable<SessionTable>[],
): Promise<void> {
  await trx.insertInto('activities').values(activity).execute()
  await trx.insertInto('sessions').values(sessions).execute()
}

/** A facility's activities with a day on or after `from` (of one function, or all), and those days. */
export async function findActivitiesFrom(
  db: Kysely<Database>,
  facilityId: string,
  from: string,
  { functionCode, withdrawn }: { functionCode?: string; withdrawn: boolean },
): Promise<{ activities: ActivityRow[]; sessions: SessionRow[] }> {
  const sessions = await db
    .selectFrom('sessions')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('activity_id', 'is not', null)
    .where('date', '>=', from)
    .$if(functionCode !== undefined, (q) => q.where('function_code', '=', functionCode as string))
    .orderBy('starts_at')
    .execute()
  const ids = [...new Set(sessions.map((s) => s.activity_id as string))]
  if (ids.length === 0) return { activities: [], sessions: [] }
  const activities = await db
    .selectFrom('activities')
    .selectAll()
    .where('id', 'in', ids)
    .$if(!withdrawn, (q) => q.where('withdrawn_at', 'is', null))
    .execute()
  return { activities, sessions }
}

export function findActivity(db: Kysely<Database>, facilityId: string, activityId: string) {
  return db.selectFrom('activities').selectAll().where('id', '=', activityId).where('facility_id', '=', facilityId).executeTakeFirst()
}

export function findActivityOfSession(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('sessions as s', 's.activity_id', 'a.id')
    .selectAll('a')
    .where('s.id', '=', sessionId)
    .executeTakeFirst()
}

export async function markWithdrawn(db: Kysely<Database>, activityId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('activities')
    .set({ withdrawn_at: now.toISOString() })
    .where('id', '=', activityId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
