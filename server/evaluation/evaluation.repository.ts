import { FUNCTION_CODES } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { districtFacilityIds } from '../facilities/district-facilities'
import type { PeriodRange } from './period'

const n = (value: string | number | bigint | null | undefined) => Number(value ?? 0)

/** The district's facilities with their operators (the rows an evaluation can have). */
export function districtFacilities(db: Kysely<Database>, districtId: string) {
  return db
    .selectFrom('facilities as f')
    .leftJoin('operators as o', 'o.id', 'f.operator_id')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .select(['f.id', 'f.name', 'f.operator_id', 'f.is_reserve', 'c.street_id', 'o.name as operator_name'])
    .where('f.id', 'in', districtFacilityIds(db, districtId))
    .execute()
}

export type Key = `${string}|${string}`
const key = (facilityId: string, fn: string): Key => `${facilityId}|${fn}`

type BookingCounts = { bookings: number; completed: number; noShows: number }
type RatingCounts = { ratings: number; satisfied: number; levelSum: number; again: number }

/**
 * Bookings of the period by facility and function (placed — not cancelled —, completed, no-shows) and ratings of
 * services given in it, summed from the counts the database keeps per day (migration 025). A service is in `bookings`
 * when it had any booking, cancelled ones too, and in `ratings` when it was rated.
 */
export async function serviceCounts(
  db: Kysely<Database>,
  facilityIds: string[],
  range: Pick<PeriodRange, 'from' | 'to'>,
): Promise<{ bookings: Map<Key, BookingCounts>; ratings: Map<Key, RatingCounts> }> {
  const bookings = new Map<Key, BookingCounts>()
  const ratings = new Map<Key, RatingCounts>()
  if (facilityIds.length === 0) return { bookings, ratings }
  const rows = await db
    .selectFrom('service_day_counts')
    .select((eb) => [
      'facility_id',
      'function_code',
      eb.fn.sum<number>('bookings').as('bookings'),
      eb.fn.sum<number>('cancelled').as('cancelled'),
      eb.fn.sum<number>('completed').as('completed'),
      eb.fn.sum<number>('no_shows').as('no_shows'),
      eb.fn.sum<number>('ratings').as('ratings'),
      eb.fn.sum<number>('satisfied').as('satisfied'),
      eb.fn.sum<number>('level_sum').as('level_sum'),
      eb.fn.sum<number>('again').as('again'),
    ])
    .where('facility_id', 'in', facilityIds)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy(['facility_id', 'function_code'])
    .execute()
  for (const r of rows) {
    const k = key(r.facility_id, r.function_code)
    if (n(r.bookings) + n(r.cancelled) > 0) bookings.set(k, { bookings: n(r.bookings), completed: n(r.completed), noShows: n(r.no_shows) })
    if (n(r.ratings) > 0) ratings.set(k, { ratings: n(r.ratings), satisfied: n(r.satisfied), levelSum: n(r.level_sum), again: n(r.again) })
  }
  return { bookings, ratings }
}

/**
 * The services each facility offers for booking (a booking rule): each is evaluated every period, with or without
 * data — a service whose only day was closed is 「数据不足」, not missing from the table.
 */
export async function bookableServices(db: Kysely<Database>, facilityIds: string[]): Promise<Key[]> {
  if (facilityIds.length === 0) return []
  const rows = await db
    .selectFrom('booking_rules')
    .select(['facility_id', 'function_code'])
    .where('facility_id', 'in', facilityIds)
    // Activities are evaluated under their functions, from their bookings; their rule's key is no function.
    .where('function_code', 'in', FUNCTION_CODES)
    .execute()
  return rows.map((r) => key(r.facility_id, r.function_code))
}

/** Places offered and taken in the period's open sessions. */
export async function placeCounts(db: Kysely<Database>, facilityIds: string[], range: PeriodRange) {
  if (facilityIds.length === 0) return new Map<Key, { taken: number; offered: number }>()
  const rows = await db
    .selectFrom('sessions')
    .select((eb) => ['facility_id', 'function_code', eb.fn.sum<number>('capacity').as('offered'), eb.fn.sum<number>('booked').as('taken')])
    .where('facility_id', 'in', facilityIds)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .where('open', '=', 1)
    .groupBy(['facility_id', 'function_code'])
    .execute()
  return new Map(rows.map((r) => [key(r.facility_id, r.function_code), { taken: n(r.taken), offered: n(r.offered) }]))
}

/** Rectification cases due in the period, with when they were answered. */
export function casesDue(db: Kysely<Database>, facilityIds: string[], range: PeriodRange) {
  if (facilityIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('rectification_cases')
    .select(['facility_id', 'function_code', 'status', 'due_date', 'answered_at'])
    .where('facility_id', 'in', facilityIds)
    .where('due_date', '>=', range.from)
    .where('due_date', '<=', range.to)
    .execute()
}

export async function evaluationSettings(db: Kysely<Database>, districtId: string) {
  const [settings, weights] = await Promise.all([
    db.selectFrom('evaluation_settings').selectAll().where('district_id', '=', districtId).executeTakeFirst(),
    db.selectFrom('evaluation_weights').select(['metric', 'weight']).where('district_id', '=', districtId).execute(),
  ])
  return {
    priorWeight: settings?.prior_weight ?? 10,
    rankMinimum: { bookings: settings?.rank_min_bookings ?? 5, ratings: settings?.rank_min_ratings ?? 3 },
    minRatings: settings?.min_ratings ?? 10,
    minSatisfaction: settings?.min_satisfaction ?? 0.9,
    maxOverdue: settings?.max_overdue ?? 0,
    weights: Object.fromEntries(weights.map((w) => [w.metric, Number(w.weight)])),
  }
}
