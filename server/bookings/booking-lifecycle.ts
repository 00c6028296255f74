import { randomUUID } from 'node:crypto'
import { type BookingStatus, STATUS_NAMES, type SessionPart } from '@shared/booking'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { cancelledNotice, waitlistExpiredNotice } from '../notices/notice-kinds'
import { insertNotice, voidReminders } from '../notices/notice.repository'
import { endOfferOf } from '../waitlist/waitlist.repository'
import { applyNoShowPolicy, reconsiderSuspension } from '../staff/no-show-policy'
import { noticeFacts } from './booked-service'
import { type BookingDetails, inLockOrder } from './booking-plan'
import { canMove, canUndo } from './booking-state'
import { bookingUnits, findServiceRun, recordEvent } from './booking.repository'
import { returnAccountUnits } from './account-units.repository'
import { returnClassUnits, returnUnits } from './capacity.repository'
import { releasePlaces } from './place-claim.repository'

export interface StatusChange {
  bookingId: string
  to: BookingStatus
  /** Who made the change: the resident, the staff member at the counter, or null for the system. */
  actorUserId: string | null
  reason?: string
  /** A waitlist offer whose hold ran out: moved only while it is still unconfirmed. */
  cause?: 'offer_expired'
  /** An undo at the desk: the event it takes back; the move goes back to that event's `from`. */
  undoes?: string
  now: Date
}

/**
 * The one way a booking changes state. In one transaction: a guarded move from the state it was read in (a
 * concurrent change wins, this one is refused), what the move implies — cancelling gives back the units, the
 * account's share of them, the person's place and the day's subsidy; checking in records payment at the counter; a
 * no-show may suspend the person (and tells them), undoing one may lift that — and the event with who and when.
 */
export async function changeBookingStatus(db: Kysely<Database>, change: StatusChange): Promise<BookingStatus> {
  return db.transaction().execute(async (trx) => {
    const booking = await trx
      .selectFrom('bookings as b')
      .innerJoin('sessions as s', 's.id', 'b.session_id')
      .innerJoin('facilities as f', 'f.id', 'b.facility_id')
      .leftJoin('family_members as m', 'm.id', 'b.member_id')
      .select(['b.status', 'b.payable_fen', 'b.booker_user_id', 'b.code', 'b.function_code', 'b.details', 'b.service_date', 'b.starts_at', 's.part', 's.ends_at', 'f.name as facility_name', 'm.name as member_name'])
      .where('b.id', '=', change.bookingId)
      .executeTakeFirst()
    if (!booking) throw new NotFoundError('没有找到这笔预约')
    const from = booking.status as BookingStatus
    if (!(change.undoes ? canUndo(from, change.to) : canMove(from, change.to))) {
      throw new DomainError('invalid_transition', `这笔预约${STATUS_NAMES[from]}，不能改为${STATUS_NAMES[change.to]}`)
    }
    const moved = await trx
      .updateTable('bookings')
      .set({
        status: change.to,
        updated_at: change.now.toISOString(),
        ...(change.to === 'checked_in' ? { paid_fen: booking.payable_fen } : {}),
      })
      .where('id', '=', change.bookingId)
      .where('status', '=', from)
      .$if(change.cause === 'offer_expired', (q) => q.where('offer_expires_at', '<=', change.now.toISOString()))
      .executeTakeFirst()
    if (moved.numUpdatedRows !== 1n) {
      throw new DomainError('invalid_transition', '这笔预约刚刚被更新，请刷新后再试')
    }
    if (change.to === 'cancelled') {
      // In the order a booking takes them: the account's share, then the places, each in lock order.
      const takes = inLockOrder(await bookingUnits(trx, change.bookingId))
      for (const { sessionId, units } of takes) await returnAccountUnits(trx, booking.booker_user_id, sessionId, units)
      for (const { sessionId, units, classCode } of takes) {
        await returnUnits(trx, sessionId, units)
        if (classCode) await returnClassUnits(trx, sessionId, classCode, units)
      }
      await releasePlaces(trx, change.bookingId)
      await trx.deleteFrom('meal_subsidy_claims').where('booking_id', '=', change.bookingId).execute()
      await voidReminders(trx, change.bookingId)
      const expired = change.cause === 'offer_expired'
      await endOfferOf(trx, change.bookingId, expired ? 'expired' : 'declined', change.now)
      // Cancelled by someone else (the facility closing a day, an offer running out): the booker is told, in the
      // same transaction.
      if (change.actorUserId !== booking.booker_user_id) {
        const facts = noticeFacts({
          facilityName: booking.facility_name,
          functionCode: booking.function_code,
          part: booking.part as SessionPart,
          details: JSON.parse(booking.details) as BookingDetails,
          date: booking.service_date,
          session: { startsAt: booking.starts_at, endsAt: booking.ends_at },
          code: booking.code,
          who: booking.member_name,
          lastDate: (await findServiceRun(trx, change.bookingId)).sessions.at(-1)?.date ?? null,
        })
        await insertNotice(trx, {
          ...(expired ? waitlistExpiredNotice(facts) : cancelledNotice(facts, change.reason ?? '设施原因')),
          userId: booking.booker_user_id,
          bookingId: change.bookingId,
          deliverAfter: change.now,
          now: change.now,
        })
      }
    }
    if (change.to === 'no_show') await applyNoShowPolicy(trx, change.bookingId, change.now)
    if (from === 'no_show' && change.actorUserId) await reconsiderSuspension(trx, change.bookingId, change.actorUserId, change.now)
    await recordEvent(trx, {
      id: `e-${randomUUID()}`,
      bookingId: change.bookingId,
      from,
      to: change.to,
      actorUserId: change.actorUserId,
      reason: change.reason ?? null,
      at: change.now,
      undoes: change.undoes,
    })
    return change.to
  })
}
