import type { Kysely } from 'kysely'
import type { Database } from './schema'

export type CachedData = 'facilities'

/** The version of data instances keep in memory; 0 when never recorded (a cache then reloads whenever it changes). */
export async function cacheVersion(db: Kysely<Database>, name: CachedData): Promise<number> {
  const row = await db.selectFrom('cache_versions').select('version').where('name', '=', name).executeTakeFirst()
  return row?.version ?? 0
}

/** Called in the transaction that changes the data: every instance's copy is stale from its commit on. */
export async function bumpCacheVersion(trx: Kysely<Database>, name: CachedData): Promise<void> {
  await trx
    .insertInto('cache_versions')
    .values({ name, version: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ version: eb('cache_versions.version', '+', 1) })))
    .execute()
}
