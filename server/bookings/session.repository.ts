import type { Kysely, OnConflictBuilder } from 'kysely'
import type { Database, SessionRow } from '../db/schema'
import { addDays, shanghaiDate } from '../time/shanghai'

export async function listSessionsBetween(
  db: Kysely<Database>,
  facilityId: string,
  functionCode: string,
  from: string,
  to: string,
): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', functionCode)
    // An activity's days are listed with the activity (GET /facilities/:id/activities), under its own rule.
    .where('activity_id', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('starts_at')
    .execute()
}

/** The last day of a service published at a facility, if any. */
export async function lastPublishedDay(db: Kysely<Database>, facilityId: string, functionCode: string, part?: string): Promise<string | null> {
  let query = db
    .selectFrom('sessions')
    .select((eb) => eb.fn.max('date').as('last'))
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', functionCode)
  if (part) query = query.where('part', '=', part)
  const row = await query.executeTakeFirst()
  return (row?.last as string | null | undefined) ?? null
}

/**
 * The first day a changed plan (hours, places, prices) applies to: days already published keep what they were
 * published with, so it is the day after the last one published, or today.
 */
export async function firstUnpublishedDay(db: Kysely<Database>, facilityId: string, functionCode: string, part: string | undefined, now: Date): Promise<string> {
  const last = await lastPublishedDay(db, facilityId, functionCode, part)
  const today = shanghaiDate(now)
  return last && last >= today ? addDays(last, 1) : today
}

/**
 * A service publishes one session per facility, day and part and never writes a day twice: the insert that finds the
 * day there already leaves it. The conflict is not named: a service's session id is drawn from the same facility,
 * day and part, and PostgreSQL answers two publications racing for a new day with a unique-key error on the index an
 * insert did not name (the id), where "already there" was meant. (An activity's days are apart: see migration 030.)
 */
export const keepPublishedDay = <T extends OnConflictBuilder<Database, 'sessions'>>(oc: T) => oc.doNothing()
