import type { Insertable, Transaction } from 'kysely'
import type { BookingRuleTable, Database, SessionTable } from '../schema'

/** A facility's booking rule for a service, unless it has one (staff may have changed it since). */
export async function seedRule(
  trx: Transaction<Database>,
  facilityId: string,
  functionCode: string,
  rule: Omit<Insertable<BookingRuleTable>, 'facility_id' | 'function_code'>,
): Promise<void> {
  await trx
    .insertInto('booking_rules')
    .values({ facility_id: facilityId, function_code: functionCode, ...rule })
    .onConflict((oc) => oc.columns(['facility_id', 'function_code']).doNothing())
    .execute()
}

/** Sessions, each unless its slot (facility, service, day, part) already exists with what was booked on it. */
export async function seedSessions(trx: Transaction<Database>, rows: Insertable<SessionTable>[]): Promise<void> {
  if (rows.length === 0) return
  await trx
    .insertInto('sessions')
    .values(rows)
    .onConflict((oc) => oc.columns(['facility_id', 'function_code', 'date', 'part']).doNothing())
    .execute()
}
