import { type Booking, type BookingStatus, STATUS_NAMES } from '@shared/booking'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { NotFoundError } from '../http/errors'
import { CancelDeadlinePassedError, NotCancellableError } from './booking.errors'
import { changeBookingStatus } from './booking-lifecycle'
import { findBookingsOfBooker } from './booking.repository'
import { offerFreedPlaces } from '../waitlist/waitlist-offers'
import { hasWaitlist } from '../waitlist/waitlist-queue'

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
 * Cancels the resident's own booking before its deadline; the units and the day's subsidy go back (see
 * booking-lifecycle.ts). Cancelling a cancelled booking again answers with it unchanged.
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
  await changeBookingStatus(db, { bookingId: id, to: 'cancelled', actorUserId: user.id, reason: reason ?? '居民取消', now })
  // The place goes to the first in line at once, not at the next round of the waitlist runner.
  if (hasWaitlist(booking.function)) await offerFreedPlaces(db, now, booking.facilityId)
  return getMyBooking(db, user, id, now)
}
