import type { MealOptions, MealSet } from '@shared/booking'
import type { SubsidyCategory } from '@shared/member'
import type { Kysely, Transaction } from 'kysely'
import type { Database, MealSetRow } from '../db/schema'
import type { SubsidyTier } from './subsidy'
import { statement } from '../db/statement'

export function toMealSet(row: MealSetRow): MealSet {
  return {
    id: row.id,
    name: row.name,
    dishes: JSON.parse(row.dishes) as string[],
    tags: JSON.parse(row.tags) as string[],
    priceFen: row.price_fen,
  }
}

/** A set on a session's menu with the facility's meal settings, in one query (every meal order reads both). */
export async function findMealSetWithOptions(
  db: Kysely<Database>,
  sessionId: string,
  setId: string,
  facilityId: string,
): Promise<{ set: MealSet; options: MealOptions | undefined } | undefined> {
  const row = await setWithOptions.first(db, { sessionId, setId, facilityId })
  if (!row) return undefined
  const { delivery_fee_fen, delivery_radius_m, delivery_min_age, ...set } = row
  const options =
    delivery_fee_fen === null || delivery_radius_m === null || delivery_min_age === null
      ? undefined
      : { deliveryFeeFen: delivery_fee_fen, deliveryRadiusM: delivery_radius_m, deliveryMinAge: delivery_min_age }
  return { set: toMealSet(set), options }
}

const setWithOptions = statement((db, { sessionId, setId, facilityId }: { sessionId: string; setId: string; facilityId: string }) =>
  db
    .selectFrom('meal_sets as m')
    .leftJoin('meal_settings as o', (join) => join.on('o.facility_id', '=', facilityId))
    .selectAll('m')
    .select(['o.delivery_fee_fen', 'o.delivery_radius_m', 'o.delivery_min_age'])
    .where('m.id', '=', setId)
    .where('m.session_id', '=', sessionId),
)

/** Menus of several sessions, keyed by session id, each in the facility's order. */
export async function mealSetsBySession(
  db: Kysely<Database>,
  sessionIds: readonly string[],
): Promise<Map<string, MealSet[]>> {
  const bySession = new Map<string, MealSet[]>()
  if (sessionIds.length === 0) return bySession
  const rows = await db
    .selectFrom('meal_sets')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('session_id')
    .orderBy('position')
    .execute()
  for (const row of rows) {
    const list = bySession.get(row.session_id) ?? []
    list.push(toMealSet(row))
    bySession.set(row.session_id, list)
  }
  return bySession
}

export async function findMealOptions(db: Kysely<Database>, facilityId: string): Promise<MealOptions | undefined> {
  const row = await db
    .selectFrom('meal_settings')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .executeTakeFirst()
  return (
    row && {
      deliveryFeeFen: row.delivery_fee_fen,
      deliveryRadiusM: row.delivery_radius_m,
      deliveryMinAge: row.delivery_min_age,
    }
  )
}

export async function findSubsidyTiers(db: Kysely<Database>, districtId: string): Promise<SubsidyTier[]> {
  const rows = await mealTiers.rows(db, { districtId })
  return rows.map((r) => ({
    name: r.name,
    minAge: r.min_age,
    maxAge: r.max_age,
    category: r.category as SubsidyCategory | null,
    amountFen: r.amount_fen,
  }))
}

const mealTiers = statement((db, { districtId }: { districtId: string }) =>
  db.selectFrom('subsidy_tiers').selectAll().where('district_id', '=', districtId).where('function_code', '=', 'meal'),
)

export async function subsidyUsed(db: Kysely<Database>, beneficiary: string, serviceDate: string): Promise<boolean> {
  return (await subsidyClaimOf.first(db, { beneficiary, serviceDate })) !== undefined
}

const subsidyClaimOf = statement((db, { beneficiary, serviceDate }: { beneficiary: string; serviceDate: string }) =>
  db.selectFrom('meal_subsidy_claims').select('booking_id').where('beneficiary', '=', beneficiary).where('service_date', '=', serviceDate),
)

/** The day's meal subsidy for its person; `NoRowChanged` when another order of theirs took it first. */
export function claimSubsidy(trx: Transaction<Database>, claim: { beneficiary: string; serviceDate: string }, bookingId: string): Promise<void> {
  return subsidyClaim.required(trx, { beneficiary: claim.beneficiary, service_date: claim.serviceDate, booking_id: bookingId })
}

const subsidyClaim = statement((db, { beneficiary, service_date, booking_id }: { beneficiary: string; service_date: string; booking_id: string }) =>
  db
    .insertInto('meal_subsidy_claims')
    .values({ beneficiary, service_date, booking_id })
    .onConflict((oc) => oc.columns(['beneficiary', 'service_date']).doNothing()),
)
