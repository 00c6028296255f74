import type { Transaction } from 'kysely'
import { CARE_SESSION_IDS, publishCareSchedules } from '../../care/care-schedule'
import type { Database } from '../schema'
import { EVERY_DAY, type SeedPass, sameWeek, seedRule, seedSchedule } from './seed-rows'

// 短期托养 beds at the two larger facilities with 养老服务: a night runs 18:00 to 08:00 the next morning, every night,
// published nine weeks ahead (the rule books 60 days ahead); beds, price and the longest stay are examples.
const HOMES = ['yl-jiayuan', 'yl-hangkong-erlu']
export const RESPITE_RULE = {
  horizon_days: 60,
  cutoff_minutes: 240,
  cancel_minutes: 1440,
  max_units: 1,
  reminder_minutes: 1440,
  max_run_days: 14,
  max_units_per_account: 2,
}
const WEEK = { weeksAhead: 9, days: sameWeek(EVERY_DAY, { starts: '18:00', ends: '08:00', capacity: 4, priceFen: 12000 }) }

export const respiteNightId = CARE_SESSION_IDS.respite

export async function seedRespite(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  for (const facilityId of HOMES) {
    if (setUp) await seedRule(trx, facilityId, 'elderly_care', RESPITE_RULE)
    await seedSchedule(trx, facilityId, 'respite', WEEK, now)
    await publishCareSchedules(trx, now, { facilityId, codes: ['respite'] })
  }
}
