import { randomUUID } from 'node:crypto'
import {
  DIMENSION_NAMES,
  RATING_DIMENSIONS,
  type Rating,
  type RatingRequest,
  type RatingSummary,
  isBadRating,
} from '@shared/rating'
import type { Kysely } from 'kysely'
import { addWorkingDays } from '../calendar/working-days'
import type { Database, UserRow } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { findEntryEvent, findServiceRun } from '../bookings/booking.repository'
import { lastServiceDay } from '../staff/desk-day'
import { addDays, shanghaiDate } from '../time/shanghai'
import { findRatedBooking, findRatingOfBooking, insertRating, loadCalendar, openCase, summariseRatings } from './rating.repository'

// Where a district has set none.
/** What applies where a district set no rating rule of its own (the administration shows the same). */
export const DEFAULT_WINDOW_DAYS = 30
export const DEFAULT_RECTIFICATION_DAYS = 15

const bookingNotFound = () => new NotFoundError('没有找到这笔预约')

/**
 * Rates a completed booking, once, by its booker, within the district's window after the service day — a service
 * completed on or after its (last) day: a completion recorded before the day (possible in data from before the
 * desk's day rule, `staff/desk-day.ts`) is no service to rate. A 差评
 * opens a rectification case for the facility in the same transaction, due the district's number of working days
 * later (public holidays from `calendar_days` do not count).
 */
export async function rateBooking(
  db: Kysely<Database>,
  user: UserRow,
  bookingId: string,
  input: RatingRequest,
  now: Date,
): Promise<Rating> {
  const booking = await findRatedBooking(db, bookingId)
  // Another family's booking is "not found": nobody rates for someone else.
  if (!booking || booking.booker_user_id !== user.id) throw bookingNotFound()
  if (booking.status !== 'completed') throw new DomainError('not_rateable', '服务完成后才能评价')
  const completion = await findEntryEvent(db, bookingId, 'completed')
  if (!completion || shanghaiDate(new Date(completion.at)) < lastServiceDay(await findServiceRun(db, bookingId))) {
    throw new DomainError('not_rateable', '这次服务在服务日之前就被登记为完成，记录有误，不能评价；如有意见请联系设施工作人员')
  }
  const windowDays = booking.window_days ?? DEFAULT_WINDOW_DAYS
  const today = shanghaiDate(now)
  if (today > addDays(booking.service_date, windowDays)) {
    throw new DomainError('rating_window_closed', `服务完成后 ${windowDays} 天内可以评价，这笔预约已过评价期`)
  }

  const ratingId = `r-${randomUUID()}`
  await db.transaction().execute(async (trx) => {
    const inserted = await insertRating(trx, {
      id: ratingId,
      bookingId,
      facilityId: booking.facility_id,
      functionCode: booking.function_code,
      raterUserId: user.id,
      serviceDate: booking.service_date,
      input,
      now,
    })
    if (!inserted) throw new DomainError('already_rated', '这笔预约已经评价过了，每笔预约只能评价一次')
    if (isBadRating(input.level)) {
      const workingDays = booking.rectification_working_days ?? DEFAULT_RECTIFICATION_DAYS
      const dueDate = addWorkingDays(today, workingDays, await loadCalendar(trx))
      await openCase(trx, { id: `c-${randomUUID()}`, ratingId, facilityId: booking.facility_id, functionCode: booking.function_code, dueDate, now })
    }
  })
  return (await findRatingOfBooking(db, bookingId)) as Rating
}

export async function getMyRating(db: Kysely<Database>, user: UserRow, bookingId: string): Promise<Rating> {
  const booking = await findRatedBooking(db, bookingId)
  if (!booking || booking.booker_user_id !== user.id) throw bookingNotFound()
  const rating = await findRatingOfBooking(db, bookingId)
  if (!rating) throw new NotFoundError('这笔预约还没有评价')
  return rating
}

/** A facility's ratings as residents see them: how many, how satisfied, per dimension; never who. */
export async function facilityRatingSummary(db: Kysely<Database>, facilityId: string): Promise<RatingSummary> {
  const row = await summariseRatings(db, facilityId)
  const count = Number(row.count)
  const share = (n: string | number | null) => (count === 0 ? null : Number(n ?? 0) / count)
  return {
    count,
    satisfactionRate: share(row.satisfied),
    wouldUseAgainRate: share(row.again),
    dimensions: RATING_DIMENSIONS.filter((code) => Number(row[`${code}_n`]) > 0).map((code) => ({
      code,
      name: DIMENSION_NAMES[code],
      mean: Number(row[code] ?? 0) / Number(row[`${code}_n`]),
    })),
  }
}
