import type { Kysely } from 'kysely'
import type { Database, SessionRow } from '../db/schema'

export async function listSessionsBetween(
  db: Kysely<Database>,
  facilityId: string,
  functionCode: string,
  from: string,
  to: string,
): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', functionCode)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('starts_at')
    .execute()
}
