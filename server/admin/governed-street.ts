import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { AdminScope } from './facility-admin.repository'

/** Whether a street is the caller's to address: in their district, and one of their streets for a street office. */
export async function isGovernedStreet(db: Kysely<Database>, scope: AdminScope, streetId: string): Promise<boolean> {
  const street = await db.selectFrom('streets').select('id').where('id', '=', streetId).where('district_id', '=', scope.districtId).executeTakeFirst()
  return street !== undefined && (!scope.streetIds || scope.streetIds.includes(street.id))
}
