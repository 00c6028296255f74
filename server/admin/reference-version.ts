import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/**
 * Reference data kept in memory (the facility directory) carries the version it was read at; whatever changes it
 * bumps the version in the same transaction, so every instance sees the change on its next read, not after a timer.
 */
export type ReferenceName = 'facilities'

export async function readVersion(db: Kysely<Database>, name: ReferenceName): Promise<number> {
  const row = await db.selectFrom('reference_versions').select('version').where('name', '=', name).executeTakeFirst()
  return row?.version ?? 0
}

export async function bumpVersion(db: Kysely<Database>, name: ReferenceName): Promise<void> {
  await db
    .insertInto('reference_versions')
    .values({ name, version: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ version: eb('reference_versions.version', '+', 1) })))
    .execute()
}
