import type { Transaction } from 'kysely'
import { ACTIVITY_DAYS_AHEAD } from '@shared/activity'
import type { Database } from '../db/schema'

/**
 * The booking rule an activity's function starts with at a facility when its first activity is published: sign up
 * until an hour before, cancel until two hours before, one place per person. It is district data like every rule
 * (设施管理 → 预约规则 changes it); a function that has one already (养老服务's day places) keeps its own.
 */
export const ACTIVITY_RULE = {
  horizon_days: ACTIVITY_DAYS_AHEAD,
  cutoff_minutes: 60,
  cancel_minutes: 120,
  max_units: 1,
  reminder_minutes: 180,
  max_units_per_account: 4,
} as const

export async function ensureActivityRule(trx: Transaction<Database>, facilityId: string, functionCode: string): Promise<void> {
  await trx
    .insertInto('booking_rules')
    .values({ facility_id: facilityId, function_code: functionCode, ...ACTIVITY_RULE })
    .onConflict((oc) => oc.columns(['facility_id', 'function_code']).doNothing())
    .execute()
}
