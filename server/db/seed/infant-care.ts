import type { Transaction } from 'kysely'
import { CARE_SESSION_IDS, publishCareSchedules } from '../../care/care-schedule'
import type { Database } from '../schema'
import { MONDAY_TO_FRIDAY, type SeedPass, offers, sameWeek, seedRule, seedSchedule } from './seed-rows'

// 婴幼儿托育 at the two facilities of the plan that offer it (附件3: 航空二路社区, 人民东路社区). Places per class stay
// below the standard's maxima; prices per day are examples (the plan publishes none).
const NURSERIES = ['yl-hangkong-erlu', 'yl-renmin-donglu']
export const INFANT_RULE = { horizon_days: 30, cutoff_minutes: 720, cancel_minutes: 720, max_units: 1, reminder_minutes: 720, max_units_per_account: 3 }
/** 全日托 08:00–17:30 Monday to Friday, four weeks ahead: places and the day's price per class. */
const CLASSES = [
  { classCode: 'infant', capacity: 6, priceFen: 9000 },
  { classCode: 'toddler_small', capacity: 10, priceFen: 8000 },
  { classCode: 'toddler_large', capacity: 15, priceFen: 7000 },
]
const WEEK = {
  weeksAhead: 4,
  days: sameWeek(MONDAY_TO_FRIDAY, { starts: '08:00', ends: '17:30', capacity: 31, priceFen: 7000, classes: CLASSES }),
}
/** 半日托 per half day, 计时托 per hour, 临时托 per day. */
const RATES: Record<string, { half_day: number; hourly: number; temporary: number }> = {
  infant: { half_day: 5000, hourly: 1500, temporary: 11000 },
  toddler_small: { half_day: 4500, hourly: 1300, temporary: 10000 },
  toddler_large: { half_day: 4000, hourly: 1200, temporary: 9000 },
}

export const infantSessionId = CARE_SESSION_IDS.infant_care

export async function seedInfantCare(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  for (const facilityId of NURSERIES) {
    if (!(await offers(trx, facilityId, 'infant_care'))) continue
    if (setUp) await seedInfantRates(trx, facilityId)
    await seedSchedule(trx, facilityId, 'infant_care', WEEK, now)
    await publishCareSchedules(trx, now, { facilityId, codes: ['infant_care'] })
  }
}

/** The rule and the price of each class and care type, set up once: the operator's own figures after that. */
async function seedInfantRates(trx: Transaction<Database>, facility_id: string): Promise<void> {
  await seedRule(trx, facility_id, 'infant_care', INFANT_RULE)
  await trx
    .insertInto('infant_care_rates')
    .values(
      Object.entries(RATES).flatMap(([class_code, rates]) =>
        Object.entries(rates).map(([care_type, price_fen]) => ({ facility_id, class_code, care_type, price_fen })),
      ),
    )
    .onConflict((oc) => oc.columns(['facility_id', 'class_code', 'care_type']).doNothing())
    .execute()
}
