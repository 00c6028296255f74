import { randomUUID } from 'node:crypto'
import { type Booking, type BookingStatus, STATUS_NAMES } from '@shared/booking'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { NotFoundError } from '../http/errors'
import { CancelDeadlinePassedError, NotCancellableError } from './booking.errors'
import { bookingUnits, findBookingsOfBooker, moveStatus, recordEvent } from './booking.repository'
import { returnUnits } from './capacity.repository'

// Another user's booking answers 404 like a missing one: its existence is not theirs to learn.
const bookingNotFound = () => new NotFoundError('没有找到这笔预约')

export function listMyBookings(
  db: Kysely<Database>,
  user: UserRow,
  status: BookingStatus | undefined,
  now: Date,
): Promise<Booking[]> {
  return findBookingsOfBooker(db, user.id, { status }, now)
}

export async function getMyBooking(db: Kysely<Database>, user: UserRow, id: string, now: Date): Promise<Booking> {
  const [booking] = await findBookingsOfBooker(db, user.id, { id }, now)
  if (!booking) throw bookingNotFound()
  return booking
}

/**
 * Cancels a booking before its deadline: the units go back to the session and the day's subsidy is freed, in
 * the same transaction as the change of state. Cancelling a cancelled booking again answers with it unchanged.
 */
export async function cancelMyBooking(
  db: Kysely<Database>,
  user: UserRow,
  id: string,
  reason: string | undefined,
  now: Date,
): Promise<Booking> {
  const booking = await getMyBooking(db, user, id, now)
  if (booking.status === 'cancelled') return booking
  if (booking.status !== 'booked') throw new NotCancellableError(STATUS_NAMES[booking.status])
  if (!booking.cancellable) throw new CancelDeadlinePassedError(new Date(booking.cancelUntil))

  const moved = await db.transaction().execute(async (trx) => {
    if (!(await moveStatus(trx, id, 'booked', 'cancelled', now))) return false
    for (const { sessionId, units } of await bookingUnits(trx, id)) await returnUnits(trx, sessionId, units)
    await trx.deleteFrom('meal_subsidy_claims').where('booking_id', '=', id).execute()
    await recordEvent(trx, {
      id: `e-${randomUUID()}`,
      bookingId: id,
      from: 'booked',
      to: 'cancelled',
      actorUserId: user.id,
      reason: reason ?? '居民取消',
      at: now,
    })
    return true
  })
  const current = await getMyBooking(db, user, id, now)
  // Someone else (staff checking it in) changed it first: say what it is now.
  if (!moved && current.status !== 'cancelled') throw new NotCancellableError(STATUS_NAMES[current.status])
  return current
}
