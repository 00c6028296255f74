import type { Transaction } from 'kysely'
import { ACTIVITY_DAYS_AHEAD } from '@shared/activity'
import type { Database } from '../db/schema'

/**
 * Activities have a booking rule of their own at each facility, apart from its services' (a day place of 养老服务 is
 * booked by the evening before; its 重阳节 talk until an hour before): kept under this key in `booking_rules`, which
 * is no function's code, and written when the facility's first activity is published.
 */
export const ACTIVITY_RULE_KEY = 'activity'

/** Sign up until an hour before, cancel until two hours before, one place per person, up to 90 days ahead. */
export const ACTIVITY_RULE = {
  horizon_days: ACTIVITY_DAYS_AHEAD,
  cutoff_minutes: 60,
  cancel_minutes: 120,
  max_units: 1,
  reminder_minutes: 180,
  max_units_per_account: 4,
} as const

export async function ensureActivityRule(trx: Transaction<Database>, facilityId: string): Promise<void> {
  await trx
    .insertInto('booking_rules')
    .values({ facility_id: facilityId, function_code: ACTIVITY_RULE_KEY, ...ACTIVITY_RULE })
    .onConflict((oc) => oc.columns(['facility_id', 'function_code']).doNothing())
    .execute()
}
