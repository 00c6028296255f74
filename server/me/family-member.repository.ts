import type { FamilyMember } from '@shared/auth'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** Only the owner's own members: one family never sees another's. */
export async function listFamilyMembers(db: Kysely<Database>, ownerUserId: string): Promise<FamilyMember[]> {
  return db
    .selectFrom('family_members')
    .select(['id', 'name', 'relation'])
    .where('owner_user_id', '=', ownerUserId)
    .orderBy('created_at')
    .execute()
}
