import { type BookingRequest, bookingRequestSchema } from '@shared/booking'
import { WAITLIST_HOLD_MINUTES } from '@shared/waitlist'
import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import { SessionFullError } from '../bookings/booking.errors'
import { placeBooking } from '../bookings/booking.service'
import type { Database } from '../db/schema'
import { DomainError, InvalidInputError } from '../http/errors'
import { findWaiting, moveEntry, needsAreFree } from './waitlist.repository'

/**
 * Gives freed places to the first in line: for each waiting entry, in the order they joined, whose places are all
 * free, the booking it asked for is placed and held for WAITLIST_HOLD_MINUTES. An entry that could no longer be
 * booked at all (past the cut-off, the day closed, the child too old) ends with the reason.
 */
export async function offerFreedPlaces(db: Kysely<Database>, now: Date, facilityId?: string): Promise<number> {
  let offered = 0
  for (const entry of await findWaiting(db, facilityId)) {
    if (!(await needsAreFree(db, entry.id))) continue
    const booker = await db.selectFrom('users').selectAll().where('id', '=', entry.user_id).executeTakeFirst()
    if (!booker) continue
    const request: BookingRequest = bookingRequestSchema.parse(JSON.parse(entry.request))
    const holdUntil = new Date(now.getTime() + WAITLIST_HOLD_MINUTES * 60_000)
    try {
      await placeBooking(db, booker, request, `waitlist-${entry.id}`, now, {
        offer: {
          holdUntil,
          record: async (trx, bookingId) => {
            // Left the queue meanwhile: nothing is booked.
            if (!(await moveEntry(trx, entry.id, 'waiting', 'offered', now, { bookingId }))) throw new EntryMovedOn()
          },
        },
      })
      offered++
    } catch (err) {
      if (err instanceof SessionFullError || err instanceof EntryMovedOn) continue
      if (err instanceof DomainError) {
        const endedReason = err instanceof InvalidInputError ? err.reason : err.message
        await moveEntry(db, entry.id, 'waiting', 'lapsed', now, { endedReason })
        continue
      }
      throw err
    }
  }
  return offered
}

class EntryMovedOn extends Error {}

/** Offers not confirmed in time are cancelled (the booker is told) and their places go to the next in line. */
export async function expireOffers(db: Kysely<Database>, now: Date): Promise<number> {
  const due = await db
    .selectFrom('bookings')
    .select('id')
    .where('offer_expires_at', '<=', now.toISOString())
    .where('status', '=', 'booked')
    .execute()
  let expired = 0
  for (const { id } of due) {
    try {
      await changeBookingStatus(db, { bookingId: id, to: 'cancelled', actorUserId: null, reason: '候补名额未在时限内确认', cause: 'offer_expired', now })
      expired++
    } catch (err) {
      // Confirmed or cancelled a moment ago: nothing to expire.
      if (!(err instanceof DomainError)) throw err
    }
  }
  return expired
}

/** One round: expire what ran out, then offer what is free. */
export async function runWaitlist(db: Kysely<Database>, now: Date): Promise<{ expired: number; offered: number }> {
  const expired = await expireOffers(db, now)
  const offered = await offerFreedPlaces(db, now)
  return { expired, offered }
}
