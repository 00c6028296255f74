import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** One function of a facility on one day: what 停业 and 恢复营业 act on. */
export interface FacilityDay {
  facilityId: string
  functionCode: string
  date: string
}

function daySessions(db: Kysely<Database>, day: FacilityDay) {
  return db
    .updateTable('sessions')
    .where('facility_id', '=', day.facilityId)
    .where('function_code', '=', day.functionCode)
    .where('date', '=', day.date)
}

/** The day's sessions with when each starts. */
export function findDaySessions(db: Kysely<Database>, day: FacilityDay) {
  return db
    .selectFrom('sessions')
    .select(['id', 'part', 'starts_at'])
    .where('facility_id', '=', day.facilityId)
    .where('function_code', '=', day.functionCode)
    .where('date', '=', day.date)
    .execute()
}

/** Closes these sessions of the day with the reason; returns how many. */
export async function closeSessions(db: Kysely<Database>, sessionIds: string[], reason: string): Promise<number> {
  if (sessionIds.length === 0) return 0
  const result = await db.updateTable('sessions').set({ open: 0, closed_reason: reason }).where('id', 'in', sessionIds).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Opens the day's closed sessions again; returns how many. */
export async function reopenSessions(db: Kysely<Database>, day: FacilityDay): Promise<number> {
  const result = await daySessions(db, day).set({ open: 1, closed_reason: null }).where('open', '=', 0).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Bookings of these sessions still to be served: booked, or checked in (and paid) ahead of the service. */
export function findToServe(db: Kysely<Database>, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([])
  return db.selectFrom('bookings').select(['id', 'status']).where('session_id', 'in', sessionIds).where('status', 'in', ['booked', 'checked_in']).execute()
}

/** Bookings of the day cancelled by closing it: their cancellation's reason starts with `reasonPrefix`. */
export async function countCancelledByClosing(db: Kysely<Database>, day: FacilityDay, reasonPrefix: string): Promise<number> {
  const row = await db
    .selectFrom('bookings as b')
    .innerJoin('booking_events as e', 'e.booking_id', 'b.id')
    .select((eb) => eb.fn.count<number>('b.id').distinct().as('n'))
    .where('b.facility_id', '=', day.facilityId)
    .where('b.function_code', '=', day.functionCode)
    .where('b.service_date', '=', day.date)
    .where('b.status', '=', 'cancelled')
    .where('e.to_status', '=', 'cancelled')
    .where('e.reason', 'like', `${reasonPrefix}%`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
