import type { Transaction } from 'kysely'
import { CARE_SESSION_IDS, publishCareSchedules } from '../../care/care-schedule'
import type { Database } from '../schema'
import { EVERY_DAY, MONDAY_TO_FRIDAY, type SeedPass, sameWeek, seedRule, seedSchedule } from './seed-rows'

// 儿童托管 at the facilities of the plan that offer it (航空二路社区, 佳苑社区): after school 16:30–19:00 on school
// days, and all-day holiday sessions 08:30–17:30 in the school breaks (the district's school calendar decides which),
// published seven weeks ahead; places and prices are examples.
const CENTRES = ['yl-hangkong-erlu', 'yl-jiayuan']
export const AFTER_SCHOOL_RULE = { horizon_days: 45, cutoff_minutes: 120, cancel_minutes: 240, max_units: 1, reminder_minutes: 180, max_run_days: 31, max_units_per_account: 3 }
const AFTER_SCHOOL = { weeksAhead: 7, days: sameWeek(MONDAY_TO_FRIDAY, { starts: '16:30', ends: '19:00', capacity: 30, priceFen: 1500 }) }
const HOLIDAY_CARE = { weeksAhead: 7, days: sameWeek(EVERY_DAY, { starts: '08:30', ends: '17:30', capacity: 30, priceFen: 6000 }) }

export const afterSchoolId = CARE_SESSION_IDS.after_school
export const holidayCareId = CARE_SESSION_IDS.holiday_care

export async function seedAfterSchool(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  for (const facilityId of CENTRES) {
    if (setUp) await seedRule(trx, facilityId, 'child_care', AFTER_SCHOOL_RULE)
    await seedSchedule(trx, facilityId, 'after_school', AFTER_SCHOOL, now)
    await seedSchedule(trx, facilityId, 'holiday_care', HOLIDAY_CARE, now)
    await publishCareSchedules(trx, now, { facilityId, codes: ['after_school', 'holiday_care'] })
  }
}
