import type { Transaction } from 'kysely'
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai'
import type { Database } from '../schema'

// 儿童托管 at the facilities of the plan that offer it (航空二路社区, 佳苑社区): after school 16:30–19:00 on school
// days; places and price are examples. Holiday sessions are published by staff the same way.
const CENTRES = ['yl-hangkong-erlu', 'yl-jiayuan']
export const AFTER_SCHOOL_RULE = { horizon_days: 30, cutoff_minutes: 120, cancel_minutes: 240, max_units: 1, reminder_minutes: 180, max_run_days: 31 }
const PLACES = 30
const PRICE_FEN = 1500
const SEEDED_DAYS = 28

export const afterSchoolId = (facilityId: string, date: string) => `${facilityId}-after-school-${date}`

export async function seedAfterSchool(trx: Transaction<Database>, now: Date): Promise<void> {
  const today = shanghaiDate(now)
  const schoolDays = Array.from({ length: SEEDED_DAYS }, (_, i) => addDays(today, i)).filter((d) => {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
    return weekday !== 0 && weekday !== 6
  })
  for (const facility_id of CENTRES) {
    await trx
      .insertInto('booking_rules')
      .values({ facility_id, function_code: 'child_care', ...AFTER_SCHOOL_RULE })
      .onConflict((oc) => oc.columns(['facility_id', 'function_code']).doNothing())
      .execute()
    await trx
      .insertInto('sessions')
      .values(
        schoolDays.map((date) => ({
          id: afterSchoolId(facility_id, date),
          facility_id,
          function_code: 'child_care',
          date,
          part: 'afternoon',
          starts_at: shanghaiInstant(date, '16:30').toISOString(),
          ends_at: shanghaiInstant(date, '19:00').toISOString(),
          capacity: PLACES,
          price_fen: PRICE_FEN,
        })),
      )
      .onConflict((oc) => oc.columns(['facility_id', 'function_code', 'date', 'part']).doNothing())
      .execute()
  }
}
