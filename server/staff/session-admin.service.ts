import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import type { Database, UserRow } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { offerFreedPlaces } from '../waitlist/waitlist-offers'

/**
 * Sets a session's capacity, never below what is already booked: one guarded UPDATE, so a booking that lands at
 * the same moment is counted (the CHECK booked <= capacity is the database's own last word).
 */
export async function changeCapacity(
  db: Kysely<Database>,
  facilityId: string,
  sessionId: string,
  capacity: number,
  now: Date,
): Promise<{ capacity: number; booked: number }> {
  const result = await db
    .updateTable('sessions')
    .set({ capacity })
    .where('id', '=', sessionId)
    .where('facility_id', '=', facilityId)
    .where('booked', '<=', capacity)
    .executeTakeFirst()
  const session = await db
    .selectFrom('sessions')
    .select(['capacity', 'booked'])
    .where('id', '=', sessionId)
    .where('facility_id', '=', facilityId)
    .executeTakeFirst()
  if (!session) throw new NotFoundError('没有找到这个场次')
  if (result.numUpdatedRows !== 1n) {
    throw new DomainError('capacity_below_booked', `这一场已有 ${session.booked} 份预约，容量不能少于 ${session.booked}`)
  }
  // More places: those waiting for them are offered them first.
  if (await offerFreedPlaces(db, now, facilityId)) {
    return db.selectFrom('sessions').select(['capacity', 'booked']).where('id', '=', sessionId).executeTakeFirstOrThrow()
  }
  return session
}

/**
 * Closes a day (holiday, outage): its sessions stop taking bookings first, then every booking still to be served
 * is cancelled with the reason, which the resident sees in the booking's history.
 */
export async function closeDay(
  db: Kysely<Database>,
  staff: UserRow,
  day: { facilityId: string; functionCode: string; date: string; reason: string },
  now: Date,
): Promise<{ closedSessions: number; cancelledBookings: number }> {
  const closed = await db
    .updateTable('sessions')
    .set({ open: 0, closed_reason: day.reason })
    .where('facility_id', '=', day.facilityId)
    .where('function_code', '=', day.functionCode)
    .where('date', '=', day.date)
    .executeTakeFirst()
  const toCancel = await db
    .selectFrom('bookings')
    .select('id')
    .where('facility_id', '=', day.facilityId)
    .where('function_code', '=', day.functionCode)
    .where('service_date', '=', day.date)
    .where('status', '=', 'booked')
    .execute()
  for (const { id } of toCancel) {
    await changeBookingStatus(db, { bookingId: id, to: 'cancelled', actorUserId: staff.id, reason: `设施停业：${day.reason}`, now })
  }
  return { closedSessions: Number(closed.numUpdatedRows), cancelledBookings: toCancel.length }
}
