import type { Transaction } from 'kysely'
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai'
import type { Database } from '../schema'
import { type SeedPass, seedRule, seedSessions } from './seed-rows'

// 日间照料 at the two facilities with 养老服务 and a kitchen but no respite beds (红旗社区, 人民东路社区): day places
// 08:30–17:00 Monday to Friday; places and price are examples. Booked by 18:00 the evening before, so the lunch
// add-on (cut-off 09:30 on the day) is always still open when the day is.
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
const PLACES = 20
const PRICE_FEN = 3000
const SEEDED_DAYS = 14

export const dayCareId = (facilityId: string, date: string) => `${facilityId}-day-care-${date}`

export async function seedDayCare(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  const today = shanghaiDate(now)
  const days = Array.from({ length: SEEDED_DAYS }, (_, i) => addDays(today, i)).filter((d) => {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
    return weekday !== 0 && weekday !== 6
  })
  for (const facility_id of CENTRES) {
    if (setUp) await seedRule(trx, facility_id, 'elderly_care', DAY_CARE_RULE)
    await seedSessions(
      trx,
      days.map((date) => ({
        id: dayCareId(facility_id, date),
        facility_id,
        function_code: 'elderly_care',
        date,
        part: 'full_day',
        starts_at: shanghaiInstant(date, '08:30').toISOString(),
        ends_at: shanghaiInstant(date, '17:00').toISOString(),
        capacity: PLACES,
        price_fen: PRICE_FEN,
      })),
    )
  }
}
