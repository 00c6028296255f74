import { LEVEL_NAMES, type Rating, type RatingRequest } from '@shared/rating'
import type { Kysely, Transaction } from 'kysely'
import type { CalendarDays } from '../calendar/working-days'
import type { Database } from '../db/schema'
import { toShanghaiIso } from '../time/shanghai'

/** The booking a rating is for, with what the rules need; null when it does not exist. */
export function findRatedBooking(db: Kysely<Database>, bookingId: string) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('facilities as f', 'f.id', 'b.facility_id')
    .innerJoin('communities as cm', 'cm.id', 'f.community_id')
    .innerJoin('streets as st', 'st.id', 'cm.street_id')
    .leftJoin('rating_rules as r', 'r.district_id', 'st.district_id')
    .select(['b.id', 'b.status', 'b.booker_user_id', 'b.facility_id', 'b.function_code', 'b.service_date', 'r.window_days', 'r.rectification_working_days'])
    .where('b.id', '=', bookingId)
    .executeTakeFirst()
}

export async function isRated(db: Kysely<Database>, bookingId: string): Promise<boolean> {
  return (await db.selectFrom('ratings').select('id').where('booking_id', '=', bookingId).executeTakeFirst()) !== undefined
}

export async function loadCalendar(db: Kysely<Database>): Promise<CalendarDays> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind']).execute()
  return new Map(rows.map((r) => [r.date, r.kind as 'holiday' | 'workday']))
}

export interface NewRating {
  id: string
  bookingId: string
  facilityId: string
  functionCode: string
  raterUserId: string
  serviceDate: string
  input: RatingRequest
  now: Date
}

export async function insertRating(trx: Transaction<Database>, r: NewRating): Promise<boolean> {
  const result = await trx
    .insertInto('ratings')
    .values({
      id: r.id,
      booking_id: r.bookingId,
      facility_id: r.facilityId,
      function_code: r.functionCode,
      rater_user_id: r.raterUserId,
      level: r.input.level,
      attitude: r.input.scores?.attitude ?? null,
      quality: r.input.scores?.quality ?? null,
      environment: r.input.scores?.environment ?? null,
      price: r.input.scores?.price ?? null,
      would_use_again: r.input.wouldUseAgain ? 1 : 0,
      comment: r.input.comment || null,
      service_date: r.serviceDate,
      created_at: r.now.toISOString(),
    })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .executeTakeFirst()
  return result.numInsertedOrUpdatedRows === 1n
}

export async function openCase(
  trx: Transaction<Database>,
  c: { id: string; ratingId: string; facilityId: string; functionCode: string; dueDate: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('rectification_cases')
    .values({
      id: c.id,
      rating_id: c.ratingId,
      facility_id: c.facilityId,
      function_code: c.functionCode,
      status: 'open',
      opened_at: c.now.toISOString(),
      due_date: c.dueDate,
    })
    .execute()
}

/** The rating of a booking, with its case, as its rater sees it. */
export async function findRatingOfBooking(db: Kysely<Database>, bookingId: string): Promise<Rating | null> {
  const row = await db
    .selectFrom('ratings as r')
    .leftJoin('rectification_cases as c', 'c.rating_id', 'r.id')
    .select([
      'r.id',
      'r.booking_id',
      'r.level',
      'r.attitude',
      'r.quality',
      'r.environment',
      'r.price',
      'r.would_use_again',
      'r.comment',
      'r.created_at',
      'c.status as case_status',
      'c.due_date',
      'c.answer',
    ])
    .where('r.booking_id', '=', bookingId)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    bookingId: row.booking_id,
    level: row.level,
    levelName: LEVEL_NAMES[row.level],
    scores: { attitude: row.attitude, quality: row.quality, environment: row.environment, price: row.price },
    wouldUseAgain: row.would_use_again === 1,
    comment: row.comment,
    createdAt: toShanghaiIso(row.created_at),
    rectification:
      row.case_status && row.due_date
        ? { status: row.case_status as 'open', dueDate: row.due_date, answer: row.answer }
        : null,
  }
}

/** Counts and sums of a facility's ratings, for its public summary. */
export function summariseRatings(db: Kysely<Database>, facilityId: string) {
  return db
    .selectFrom('ratings')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('count'),
      eb.fn.sum<string | number | null>(eb.case().when('level', '>=', 3).then(1).else(0).end()).as('satisfied'),
      eb.fn.sum<string | number | null>('would_use_again').as('again'),
      eb.fn.sum<string | number | null>('attitude').as('attitude'),
      eb.fn.sum<string | number | null>('quality').as('quality'),
      eb.fn.sum<string | number | null>('environment').as('environment'),
      eb.fn.sum<string | number | null>('price').as('price'),
      // Scores are optional: each mean is over those who gave that score.
      eb.fn.count<string | number>('attitude').as('attitude_n'),
      eb.fn.count<string | number>('quality').as('quality_n'),
      eb.fn.count<string | number>('environment').as('environment_n'),
      eb.fn.count<string | number>('price').as('price_n'),
    ])
    .where('facility_id', '=', facilityId)
    .executeTakeFirstOrThrow()
}
