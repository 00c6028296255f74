import { randomUUID } from 'node:crypto'
import { type Booking, type Quote, STATUS_NAMES } from '@shared/booking'
import { formatFen } from '@shared/money'
import type { Kysely } from 'kysely'
import { findInfantCareRates, rateKey } from '../care/care.repository'
import type { Database, UserRow } from '../db/schema'
import { DomainError, InvalidInputError } from '../http/errors'
import { dayName } from '../time/shanghai'
import { hasWaitlist } from '../waitlist/waitlist-queue'
import { offerFreedPlaces } from '../waitlist/waitlist-offers'
import { returnAccountUnits } from './account-units.repository'
import type { BookingDetails } from './booking-plan'
import { findBookingRule } from './booking-rule.repository'
import { cancelUntil } from './booking-rules'
import { CancelDeadlinePassedError, NotCancellableError } from './booking.errors'
import { recordEvent } from './booking.repository'
import { DAY_CANCELLABLE } from './day-cancel-rule'
import { returnClassUnits, returnUnits } from './capacity.repository'
import { getMyBooking } from './my-bookings.service'

/**
 * 取消其中一天: the booker gives back one day of a run before that day's cancel deadline (the district's
 * `cancel_minutes` before that day's start). In one transaction, guarded on the booking still being 待使用: the day's
 * session leaves the booking, its place, class place, account share and the person's claim on that day go back, the
 * price drops by that day's price, and the history records it. The rest of the run stands. The last day left is
 * cancelled with the booking itself.
 */
export async function cancelMyBookingDay(db: Kysely<Database>, user: UserRow, id: string, date: string, now: Date): Promise<Booking> {
  const booking = await getMyBooking(db, user, id, now)
  if (booking.status !== 'booked') throw new NotCancellableError(STATUS_NAMES[booking.status])
  if (!booking.days.includes(date)) throw new InvalidInputError('date', `这笔预约不包括${dayName(date)}`)
  if (!DAY_CANCELLABLE.has(booking.function) || booking.stay) {
    throw new DomainError('not_cancellable', '这笔预约不能只取消其中一天，请取消整个预约')
  }
  if (booking.days.length === 1) throw new DomainError('not_cancellable', '这笔预约只剩这一天了，请取消整个预约')

  await db.transaction().execute(async (trx) => {
    const day = await trx
      .selectFrom('booking_sessions as bs')
      .innerJoin('sessions as s', 's.id', 'bs.session_id')
      .select(['bs.session_id', 'bs.units', 'bs.class_code', 's.starts_at', 's.price_fen'])
      .where('bs.booking_id', '=', id)
      .where('s.date', '=', date)
      .executeTakeFirst()
    if (!day) throw new InvalidInputError('date', `这笔预约不包括${dayName(date)}`)
    const rule = await findBookingRule(trx, booking.facilityId, booking.function)
    const deadline = rule ? cancelUntil(rule, new Date(day.starts_at)) : new Date(day.starts_at)
    if (now.getTime() >= deadline.getTime()) throw new CancelDeadlinePassedError(deadline)

    const row = await trx.selectFrom('bookings').select(['details', 'quote', 'payable_fen']).where('id', '=', id).executeTakeFirstOrThrow()
    const details = JSON.parse(row.details) as BookingDetails
    const quote = JSON.parse(row.quote) as Quote
    const dayFen = Math.min(quote.payableFen, await dayPrice(trx, booking.facilityId, details, day))
    const remaining = await trx
      .selectFrom('booking_sessions as bs')
      .innerJoin('sessions as s', 's.id', 'bs.session_id')
      .select(['s.id', 's.date', 's.starts_at'])
      .where('bs.booking_id', '=', id)
      .where('s.date', '!=', date)
      .orderBy('s.starts_at')
      .execute()
    const first = remaining[0]
    const firstDeadline = rule ? cancelUntil(rule, new Date(first.starts_at)) : new Date(first.starts_at)
    const newQuote: Quote = {
      ...quote,
      originalFen: quote.originalFen - dayFen,
      payableFen: quote.payableFen - dayFen,
      notes: [...quote.notes, `已取消${dayName(date)}${dayFen ? `，少付 ${formatFen(dayFen)}` : ''}`],
    }
    const newDetails: BookingDetails = details.care ? { ...details, care: { ...details.care, days: details.care.days.filter((d) => d.date !== date) } } : details

    // Guarded on 待使用: a check-in or a cancellation that got there first wins.
    const moved = await trx
      .updateTable('bookings')
      .set({
        session_id: first.id,
        service_date: first.date,
        starts_at: first.starts_at,
        cancel_until: firstDeadline.toISOString(),
        details: JSON.stringify(newDetails),
        quote: JSON.stringify(newQuote),
        payable_fen: row.payable_fen - dayFen,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'booked')
      .executeTakeFirst()
    if (moved.numUpdatedRows !== 1n) throw new DomainError('invalid_transition', '这笔预约刚刚被更新，请刷新后再试')
    await trx.deleteFrom('booking_sessions').where('booking_id', '=', id).where('session_id', '=', day.session_id).execute()
    await returnAccountUnits(trx, user.id, day.session_id, day.units)
    await returnUnits(trx, day.session_id, day.units)
    if (day.class_code) await returnClassUnits(trx, day.session_id, day.class_code, day.units)
    await trx.deleteFrom('place_claims').where('booking_id', '=', id).where('service_date', '=', date).execute()
    await recordEvent(trx, {
      id: `e-${randomUUID()}`,
      bookingId: id,
      from: 'booked',
      to: 'booked',
      actorUserId: user.id,
      reason: `取消了${dayName(date)}，其余日期照常`,
      at: now,
    })
  })
  // The day's place goes to the first in line at once.
  if (hasWaitlist(booking.function)) await offerFreedPlaces(db, now, booking.facilityId)
  return getMyBooking(db, user, id, now)
}

/** What the day cost within the run, priced as the planner priced it (server/care/*). */
async function dayPrice(
  db: Kysely<Database>,
  facilityId: string,
  details: BookingDetails,
  day: { session_id: string; class_code: string | null; price_fen: number | null },
): Promise<number> {
  const care = details.care
  if (!care || !day.class_code) return day.price_fen ?? 0
  const type = care.type ?? 'full_day'
  if (type === 'full_day') {
    const cls = await db
      .selectFrom('session_classes')
      .select('price_fen')
      .where('session_id', '=', day.session_id)
      .where('class_code', '=', day.class_code)
      .executeTakeFirst()
    return cls?.price_fen ?? 0
  }
  const rate = (await findInfantCareRates(db, facilityId)).get(rateKey(day.class_code, type)) ?? 0
  return type === 'hourly' ? rate * (care.hours ?? 1) : rate
}
