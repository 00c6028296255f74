import type { Transaction } from 'kysely'
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai'
import type { Database } from '../schema'
import { seedRule, seedSessions } from './seed-rows'
import { isSchoolDay, isSchoolHoliday } from './school-calendar'

// 儿童托管 at the facilities of the plan that offer it (航空二路社区, 佳苑社区): after school 16:30–19:00 on school
// days, and all-day holiday sessions 08:30–17:30 in the school holidays; places and prices are examples.
const CENTRES = ['yl-hangkong-erlu', 'yl-jiayuan']
export const AFTER_SCHOOL_RULE = { horizon_days: 45, cutoff_minutes: 120, cancel_minutes: 240, max_units: 1, reminder_minutes: 180, max_run_days: 31 }
const PLACES = 30
const PRICE_FEN = 1500
const HOLIDAY_PRICE_FEN = 6000
const SEEDED_DAYS = 45

export const afterSchoolId = (facilityId: string, date: string) => `${facilityId}-after-school-${date}`
export const holidayCareId = (facilityId: string, date: string) => `${facilityId}-holiday-care-${date}`

export async function seedAfterSchool(trx: Transaction<Database>, now: Date): Promise<void> {
  const today = shanghaiDate(now)
  const days = Array.from({ length: SEEDED_DAYS }, (_, i) => addDays(today, i))
  const schoolDays = days.filter(isSchoolDay)
  const holidays = days.filter(isSchoolHoliday)
  for (const facility_id of CENTRES) {
    await seedRule(trx, facility_id, 'child_care', AFTER_SCHOOL_RULE)
    await seedSessions(
      trx,
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
    await seedSessions(
      trx,
      holidays.map((date) => ({
        id: holidayCareId(facility_id, date),
        facility_id,
        function_code: 'child_care',
        date,
        part: 'full_day',
        starts_at: shanghaiInstant(date, '08:30').toISOString(),
        ends_at: shanghaiInstant(date, '17:30').toISOString(),
        capacity: PLACES,
        price_fen: HOLIDAY_PRICE_FEN,
      })),
    )
  }
}
