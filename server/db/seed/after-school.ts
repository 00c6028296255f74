import type { Transaction } from 'kysely'
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai'
import type { Database } from '../schema'
import { type SeedPass, seedRule, seedSessions } from './seed-rows'
import { isSchoolDay, isSchoolHoliday } from './school-calendar'

// 儿童托管 at the facilities of the plan that offer it (航空二路社区, 佳苑社区): after school 16:30–19:00 on school
// days, and all-day holiday sessions 08:30–17:30 in the school holidays; places and prices are examples.
const CENTRES = ['yl-hangkong-erlu', 'yl-jiayuan']
export const AFTER_SCHOOL_RULE = { horizon_days: 45, cutoff_minutes: 120, cancel_minutes: 240, max_units: 1, reminder_minutes: 180, max_run_days: 31, max_units_per_account: 3 }
const PLACES = 30
const PRICE_FEN = 1500
const HOLIDAY_PRICE_FEN = 6000
const SEEDED_DAYS = 45

export const afterSchoolId = (facilityId: string, date: string) => `${facilityId}-after-school-${date}`
export const holidayCareId = (facilityId: string, date: string) => `${facilityId}-holiday-care-${date}`

/** After school on a school day, all day on a school holiday; nothing on other days (an ordinary weekend). */
const SESSION_OF_DAY = [
  { applies: isSchoolDay, id: afterSchoolId, part: 'afternoon', from: '16:30', to: '19:00', priceFen: PRICE_FEN },
  { applies: isSchoolHoliday, id: holidayCareId, part: 'full_day', from: '08:30', to: '17:30', priceFen: HOLIDAY_PRICE_FEN },
] as const

export async function seedAfterSchool(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  const today = shanghaiDate(now)
  const days = Array.from({ length: SEEDED_DAYS }, (_, i) => addDays(today, i))
  for (const facility_id of CENTRES) {
    if (setUp) await seedRule(trx, facility_id, 'child_care', AFTER_SCHOOL_RULE)
    await seedSessions(
      trx,
      days.flatMap((date) =>
        SESSION_OF_DAY.filter((kind) => kind.applies(date)).map((kind) => ({
          id: kind.id(facility_id, date),
          facility_id,
          function_code: 'child_care',
          date,
          part: kind.part,
          starts_at: shanghaiInstant(date, kind.from).toISOString(),
          ends_at: shanghaiInstant(date, kind.to).toISOString(),
          capacity: PLACES,
          price_fen: kind.priceFen,
        })),
      ),
    )
  }
}
