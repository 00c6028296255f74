import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** A facility's sessions of one function on one day. */
/** A facility's sessions of a function on a day, with the title of the activity a session is a day of. */
export function findDaySessions(db: Kysely<Database>, facilityId: string, functionCode: string, date: string) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('activities as a', 'a.id', 's.activity_id')
    .selectAll('s')
    .select('a.title as activity_title')
    .where('s.facility_id', '=', facilityId)
    .where('s.function_code', '=', functionCode)
    .where('s.date', '=', date)
    .orderBy('s.starts_at')
    .execute()
}

function rosterRows(db: Kysely<Database>) {
  return db
    .selectFrom('bookings as b')
    .leftJoin('family_members as m', 'm.id', 'b.member_id')
    .innerJoin('users as u', 'u.id', 'b.booker_user_id')
    .select([
      'b.id',
      'b.code',
      'b.status',
      'b.session_id',
      'b.facility_id',
      'b.service_date',
      'b.starts_at',
      'b.quantity',
      'b.details',
      'b.quote',
      'b.payable_fen',
      'b.awaiting_confirmation',
      'b.member_id',
      'b.booker_user_id',
      'b.function_code',
      'm.name as member_name',
      'm.birth_date',
      'm.diet_notes',
      'm.allergies',
      'u.nickname as booker_nickname',
    ])
}

export type RosterRow = Awaited<ReturnType<ReturnType<typeof rosterRows>['executeTakeFirstOrThrow']>>

/**
 * Every booking that takes a place in these sessions (a run of days appears on each of its days), with the session
 * it takes and the class, in the order they were made.
 */
export function findRosterRows(
  db: Kysely<Database>,
  sessionIds: string[],
): Promise<(RosterRow & { taken_session_id: string; class_code: string | null })[]> {
  if (sessionIds.length === 0) return Promise.resolve([])
  return rosterRows(db)
    .innerJoin('booking_sessions as bs', 'bs.booking_id', 'b.id')
    .select(['bs.session_id as taken_session_id', 'bs.class_code'])
    .where('bs.session_id', 'in', sessionIds)
    .orderBy('b.created_at')
    .orderBy('b.id')
    .execute()
}

export function findRosterRowByCode(db: Kysely<Database>, code: string): Promise<RosterRow | undefined> {
  return rosterRows(db).where('b.code', '=', code).executeTakeFirst()
}

export function findRosterRowById(db: Kysely<Database>, id: string): Promise<RosterRow | undefined> {
  return rosterRows(db).where('b.id', '=', id).executeTakeFirst()
}
