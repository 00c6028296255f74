import { FUNCTION_CODES } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface ComingSessions {
  facilityId: string
  functionCode: string
  part: string
  /** The day of the first open session that starts after the instant asked about. */
  firstDate: string
}

/** Per facility, function and part of the day: the first open session still to start. One grouped query. */
export async function findComingSessions(db: Kysely<Database>, now: Date): Promise<ComingSessions[]> {
  return db
    .selectFrom('sessions')
    .select(['facility_id as facilityId', 'function_code as functionCode', 'part', (eb) => eb.fn.min<string>('date').as('firstDate')])
    .where('open', '=', 1)
    // Instants are ISO text in both stores: comparing the text compares the instants.
    .where('starts_at', '>', now.toISOString())
    .groupBy(['facility_id', 'function_code', 'part'])
    .execute()
}

/** How far ahead each facility takes bookings of each function (`booking_rules`); no row, no bookings. */
export async function findBookingHorizons(
  db: Kysely<Database>,
): Promise<{ facilityId: string; functionCode: string; horizonDays: number }[]> {
  return db
    .selectFrom('booking_rules')
    .select(['facility_id as facilityId', 'function_code as functionCode', 'horizon_days as horizonDays'])
    .where('function_code', 'in', FUNCTION_CODES)
    .execute()
}
