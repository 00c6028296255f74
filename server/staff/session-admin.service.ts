import { PART_NAMES, type SessionPart } from '@shared/booking'
import type { CloseDayResult } from '@shared/staff'
import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import type { Database, UserRow } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { dayName, shanghaiDate } from '../time/shanghai'
import { offerFreedPlaces } from '../waitlist/waitlist-offers'
import { type FacilityDay, closeSessions, countCancelledByClosing, findDaySessions, findToServe, reopenSessions } from './closed-day.repository'

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
 * Closes a day (holiday, outage): what is still to come of it stops taking bookings first, then every booking of
 * it still to be served is cancelled with the reason, which the resident sees in the booking's history and is told
 * — also one checked in and paid ahead (the desk refunds it; the clerk is told how many). A session already
 * started (lunch served at 12:30) is left as it is: it happened. A day already past is not closed at all.
 */
export async function closeDay(
  db: Kysely<Database>,
  staff: UserRow,
  day: FacilityDay & { reason: string },
  now: Date,
): Promise<CloseDayResult> {
  refusePast(day.date, now, '停业')
  const sessions = await findDaySessions(db, day)
  const toCome = sessions.filter((s) => new Date(s.starts_at) > now)
  const alreadyStarted = sessions.filter((s) => new Date(s.starts_at) <= now).map((s) => PART_NAMES[s.part as SessionPart] ?? s.part)
  if (sessions.length > 0 && toCome.length === 0) {
    throw new DomainError('day_past', `${dayName(day.date)}的服务都已经开始，不能再停业`)
  }
  const closedSessions = await closeSessions(db, toCome.map((s) => s.id), day.reason)
  const toCancel = await findToServe(db, toCome.map((s) => s.id))
  for (const { id, status } of toCancel) {
    const refund = status === 'checked_in' ? '，已付款项请到柜台退还' : ''
    await changeBookingStatus(db, { bookingId: id, to: 'cancelled', actorUserId: staff.id, reason: `${CLOSED}${day.reason}${refund}`, now })
  }
  return {
    closedSessions,
    cancelledBookings: toCancel.length,
    refunds: toCancel.filter((b) => b.status === 'checked_in').length,
    alreadyStarted,
  }
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
