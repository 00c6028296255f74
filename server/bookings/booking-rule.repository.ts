import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { BookingRule } from './booking-rules'

export async function findBookingRule(
  db: Kysely<Database>,
  facilityId: string,
  functionCode: string,
): Promise<BookingRule | undefined> {
  const row = await db
    .selectFrom('booking_rules')
    .select(['horizon_days', 'cutoff_minutes', 'cancel_minutes', 'max_units', 'reminder_minutes', 'max_run_days', 'max_units_per_account'])
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', functionCode)
    .executeTakeFirst()
  return (
    row && {
      horizonDays: row.horizon_days,
      cutoffMinutes: row.cutoff_minutes,
      cancelMinutes: row.cancel_minutes,
      maxUnits: row.max_units,
      reminderMinutes: row.reminder_minutes,
      maxRunDays: row.max_run_days,
      maxUnitsPerAccount: row.max_units_per_account,
    }
  )
}
