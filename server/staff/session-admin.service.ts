import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import type { Database, UserRow } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { dayName, shanghaiDate } from '../time/shanghai'
import { offerFreedPlaces } from '../waitlist/waitlist-offers'
import { type FacilityDay, closeSessions, countCancelledByClosing, findBookedOnDay, reopenSessions } from './closed-day.repository'

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

// How a cancellation by 停业 reads in the booking's history; reopening counts those by it.
const CLOSED = '设施停业：'

const refusePast = (date: string, now: Date, what: string) => {
  if (date < shanghaiDate(now)) throw new DomainError('day_past', `${dayName(date)}已经过去，不能${what}`)
}

/**
 * Closes a day (holiday, outage): its sessions stop taking bookings first, then every booking still to be served
 * is cancelled with the reason, which the resident sees in the booking's history and is told. A day already past
 * is not closed: its bookings were served or missed, and cancelling them now would rewrite that.
 */
export async function closeDay(
  db: Kysely<Database>,
  staff: UserRow,
  day: FacilityDay & { reason: string },
  now: Date,
): Promise<{ closedSessions: number; cancelledBookings: number }> {
  refusePast(day.date, now, '停业')
  const closedSessions = await closeSessions(db, day, day.reason)
  const toCancel = await findBookedOnDay(db, day)
  for (const { id } of toCancel) {
    await changeBookingStatus(db, { bookingId: id, to: 'cancelled', actorUserId: staff.id, reason: `${CLOSED}${day.reason}`, now })
  }
  return { closedSessions, cancelledBookings: toCancel.length }
}

/**
 * 恢复营业 (the water is back on): the day's closed sessions take bookings again, from today on. The bookings
 * cancelled by closing it stay cancelled — their residents were told and may have booked elsewhere — and the
 * clerk learns how many, to tell them; people waiting for a place are offered the freed ones first.
 */
export async function reopenDay(db: Kysely<Database>, day: FacilityDay, now: Date): Promise<{ reopenedSessions: number; cancelledBookings: number }> {
  refusePast(day.date, now, '恢复营业')
  const reopenedSessions = await reopenSessions(db, day)
  if (reopenedSessions === 0) throw new DomainError('not_closed', `${dayName(day.date)}这项服务没有停业，不需要恢复`)
  const cancelledBookings = await countCancelledByClosing(db, day, CLOSED)
  await offerFreedPlaces(db, now, day.facilityId)
  return { reopenedSessions, cancelledBookings }
}
