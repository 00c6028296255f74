import type { Transaction } from 'kysely'
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai'
import type { Database } from '../schema'
import { type SeedPass, seedRule, seedSessions } from './seed-rows'

// 短期托养 beds at the two larger facilities with 养老服务; beds, price and the longest stay are examples.
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
const BEDS = 4
const NIGHT_PRICE_FEN = 12000
const SEEDED_NIGHTS = 60

export const respiteNightId = (facilityId: string, date: string) => `${facilityId}-respite-${date}`

/** A night runs 18:00 to 08:00 the next morning; every night of the coming two months; what exists is kept. */
export async function seedRespite(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  const today = shanghaiDate(now)
  for (const facility_id of HOMES) {
    if (setUp) await seedRule(trx, facility_id, 'elderly_care', RESPITE_RULE)
    const nights = Array.from({ length: SEEDED_NIGHTS }, (_, i) => addDays(today, i))
    await seedSessions(
      trx,
      nights.map((date) => ({
        id: respiteNightId(facility_id, date),
        facility_id,
        function_code: 'elderly_care',
        date,
        part: 'night',
        starts_at: shanghaiInstant(date, '18:00').toISOString(),
        ends_at: shanghaiInstant(addDays(date, 1), '08:00').toISOString(),
        capacity: BEDS,
        price_fen: NIGHT_PRICE_FEN,
      })),
    )
  }
}
