import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** Whether the facility offers the function now (the district may have added or removed it since). */
export async function offersFunction(db: Kysely<Database>, facilityId: string, functionCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('facility_functions')
    .select('facility_id')
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', functionCode)
    .executeTakeFirst()
  return row !== undefined
}
