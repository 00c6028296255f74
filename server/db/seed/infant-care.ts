import type { Transaction } from 'kysely'
import { INFANT_CLASSES } from '@shared/care'
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai'
import type { Database } from '../schema'
import { seedRule, } from './seed-rows'

// 婴幼儿托育 at the two facilities of the plan that offer it (附件3: 航空二路社区, 人民东路社区). Places per class stay
// below the standard's maxima; prices per day are examples (the plan publishes none).
const NURSERIES = ['yl-hangkong-erlu', 'yl-renmin-donglu']
export const INFANT_RULE = { horizon_days: 30, cutoff_minutes: 720, cancel_minutes: 720, max_units: 1, reminder_minutes: 720, max_units_per_account: 3 }
const PLACES: Record<string, { capacity: number; priceFen: number }> = {
  infant: { capacity: 6, priceFen: 9000 },
  toddler_small: { capacity: 10, priceFen: 8000 },
  toddler_large: { capacity: 15, priceFen: 7000 },
}
/** 半日托 per half day, 计时托 per hour, 临时托 per day. */
const RATES: Record<string, { half_day: number; hourly: number; temporary: number }> = {
  infant: { half_day: 5000, hourly: 1500, temporary: 11000 },
  toddler_small: { half_day: 4500, hourly: 1300, temporary: 10000 },
  toddler_large: { half_day: 4000, hourly: 1200, temporary: 9000 },
}
const SEEDED_DAYS = 28

export const infantSessionId = (facilityId: string, date: string) => `${facilityId}-infant-${date}-full-day`

/** Rates for every type, and 全日托 08:00–17:30 places on working days (Monday to Friday) for the coming four weeks; what exists is kept. */
export async function seedInfantCare(trx: Transaction<Database>, now: Date): Promise<void> {
  const today = shanghaiDate(now)
  for (const facility_id of NURSERIES) {
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
    for (let offset = 0; offset < SEEDED_DAYS; offset++) {
      const date = addDays(today, offset)
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      if (weekday === 0 || weekday === 6) continue
      const id = infantSessionId(facility_id, date)
      const inserted = await trx
        .insertInto('sessions')
        .values({
          id,
          facility_id,
          function_code: 'infant_care',
          date,
          part: 'full_day',
          starts_at: shanghaiInstant(date, '08:00').toISOString(),
          ends_at: shanghaiInstant(date, '17:30').toISOString(),
          capacity: Object.values(PLACES).reduce((sum, p) => sum + p.capacity, 0),
        })
        .onConflict((oc) => oc.columns(['facility_id', 'function_code', 'date', 'part']).doNothing())
        .executeTakeFirst()
      if (inserted.numInsertedOrUpdatedRows !== 1n) continue
      await trx
        .insertInto('session_classes')
        .values(INFANT_CLASSES.map((c) => ({ session_id: id, class_code: c.code, capacity: PLACES[c.code].capacity, price_fen: PLACES[c.code].priceFen })))
        .execute()
    }
  }
}
