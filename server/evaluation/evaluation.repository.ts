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

/** Bookings of the period by facility and function: placed (not cancelled), completed, no-shows. */
export async function bookingCounts(db: Kysely<Database>, facilityIds: string[], range: PeriodRange) {
  if (facilityIds.length === 0) return new Map<Key, { bookings: number; completed: number; noShows: number }>()
  const rows = await db
    .selectFrom('bookings')
    .select((eb) => [
      'facility_id',
      'function_code',
      eb.fn.sum<number>(eb.case().when('status', '!=', 'cancelled').then(1).else(0).end()).as('bookings'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'completed').then(1).else(0).end()).as('completed'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'no_show').then(1).else(0).end()).as('no_shows'),
    ])
    .where('facility_id', 'in', facilityIds)
    .where('service_date', '>=', range.from)
    .where('service_date', '<=', range.to)
    .groupBy(['facility_id', 'function_code'])
    .execute()
  return new Map(rows.map((r) => [key(r.facility_id, r.function_code), { bookings: n(r.bookings), completed: n(r.completed), noShows: n(r.no_shows) }]))
}

/**
 * The services each facility offers for booking (a booking rule): each is evaluated every period, with or without
 * data — a service whose only day was closed is 「数据不足」, not missing from the table.
 */
export async function bookableServices(db: Kysely<Database>, facilityIds: string[]): Promise<Key[]> {
  if (facilityIds.length === 0) return []
  const rows = await db.selectFrom('booking_rules').select(['facility_id', 'function_code']).where('facility_id', 'in', facilityIds).execute()
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

/** Ratings of services given in the period. */
export async function ratingCounts(db: Kysely<Database>, facilityIds: string[], range: PeriodRange) {
  if (facilityIds.length === 0) return new Map<Key, { ratings: number; satisfied: number; levelSum: number; again: number }>()
  const rows = await db
    .selectFrom('ratings')
    .select((eb) => [
      'facility_id',
      'function_code',
      eb.fn.countAll<number>().as('ratings'),
      eb.fn.sum<number>(eb.case().when('level', '>=', 3).then(1).else(0).end()).as('satisfied'),
      eb.fn.sum<number>('level').as('level_sum'),
      eb.fn.sum<number>('would_use_again').as('again'),
    ])
    .where('facility_id', 'in', facilityIds)
    .where('service_date', '>=', range.from)
    .where('service_date', '<=', range.to)
    .groupBy(['facility_id', 'function_code'])
    .execute()
  return new Map(
    rows.map((r) => [
      key(r.facility_id, r.function_code),
      { ratings: n(r.ratings), satisfied: n(r.satisfied), levelSum: n(r.level_sum), again: n(r.again) },
    ]),
  )
}

/** Rectification cases due in the period, with when they were answered. */
export function casesDue(db: Kysely<Database>, facilityIds: string[], range: PeriodRange) {
  if (facilityIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('rectification_cases as c')
    .innerJoin('ratings as r', 'r.id', 'c.rating_id')
    .select(['c.facility_id', 'r.function_code', 'c.status', 'c.due_date', 'c.answered_at'])
    .where('c.facility_id', 'in', facilityIds)
    .where('c.due_date', '>=', range.from)
    .where('c.due_date', '<=', range.to)
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
