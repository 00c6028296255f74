import type { Transaction } from 'kysely'
import { CARE_SESSION_IDS, publishCareSchedules } from '../../care/care-schedule'
import type { Database } from '../schema'
import { MONDAY_TO_FRIDAY, type SeedPass, sameWeek, seedRule, seedSchedule } from './seed-rows'

// 日间照料 at the two facilities with 养老服务 and a kitchen but no respite beds (红旗社区, 人民东路社区): day places
// 08:30–17:00 Monday to Friday, published two weeks ahead; places and price are examples. Booked by 18:00 the evening
// before, so the lunch add-on (cut-off 09:30 on the day) is always still open when the day is.
const CENTRES = ['yl-hongqi', 'yl-renmin-donglu']
export const DAY_CARE_RULE = {
  horizon_days: 14,
  cutoff_minutes: 870,
  cancel_minutes: 870,
  max_units: 1,
  reminder_minutes: 900,
  max_run_days: 5,
  max_units_per_account: 2,
}
const WEEK = { weeksAhead: 2, days: sameWeek(MONDAY_TO_FRIDAY, { starts: '08:30', ends: '17:00', capacity: 20, priceFen: 3000 }) }

export const dayCareId = CARE_SESSION_IDS.day_care

export async function seedDayCare(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  for (const facilityId of CENTRES) {
    if (setUp) await seedRule(trx, facilityId, 'elderly_care', DAY_CARE_RULE)
    await seedSchedule(trx, facilityId, 'day_care', WEEK, now)
    await publishCareSchedules(trx, now, { facilityId, codes: ['day_care'] })
  }
}
