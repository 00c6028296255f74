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

/**
 * An activity the same publisher published since `since` with the same function and title whose days are these
 * (start, end, places, price): a retry of that publication. Its id, or undefined.
 */
export async function findRecentTwin(
  db: Kysely<Database>,
  facilityId: string,
  wanted: { function: string; title: string; createdBy: string | null; since: Date },
  days: Pick<SessionRow, 'starts_at' | 'ends_at' | 'capacity' | 'price_fen'>[],
): Promise<string | undefined> {
  const candidates = await db
    .selectFrom('activities')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', wanted.function)
    .where('title', '=', wanted.title)
    .where('withdrawn_at', 'is', null)
    .where('created_at', '>=', wanted.since.toISOString())
    .$if(wanted.createdBy === null, (q) => q.where('created_by', 'is', null))
    .$if(wanted.createdBy !== null, (q) => q.where('created_by', '=', wanted.createdBy as string))
    .execute()
  const shape = (d: Pick<SessionRow, 'starts_at' | 'ends_at' | 'capacity' | 'price_fen'>) => `${d.starts_at}|${d.ends_at}|${d.capacity}|${d.price_fen}`
  const want = days.map(shape).sort().join(',')
  for (const { id } of candidates) {
    const have = await db.selectFrom('sessions').select(['starts_at', 'ends_at', 'capacity', 'price_fen']).where('activity_id', '=', id).execute()
    if (have.map(shape).sort().join(',') === want) return id
  }
  return undefined
}
