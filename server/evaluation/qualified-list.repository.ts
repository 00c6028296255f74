import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export async function districtName(db: Kysely<Database>, districtId: string): Promise<string | null> {
  const row = await db.selectFrom('districts').select('name').where('id', '=', districtId).executeTakeFirst()
  return row?.name ?? null
}

/** When a district's list of a period was published (UTC ISO), or null. */
export async function publishedAt(db: Kysely<Database>, districtId: string, period: string): Promise<string | null> {
  const row = await db
    .selectFrom('qualified_lists')
    .select('computed_at')
    .where('district_id', '=', districtId)
    .where('period', '=', period)
    .executeTakeFirst()
  return row?.computed_at ?? null
}

export async function storeQualifiedList(db: Kysely<Database>, districtId: string, period: string, now: Date, body: string): Promise<void> {
  await db
    .insertInto('qualified_lists')
    .values({ district_id: districtId, period, computed_at: now.toISOString(), body })
    .onConflict((oc) => oc.columns(['district_id', 'period']).doUpdateSet({ computed_at: now.toISOString(), body }))
    .execute()
}

/** The newest list published for a period, with its district's name. */
export function publishedListBody(db: Kysely<Database>, period: string) {
  return db
    .selectFrom('qualified_lists as q')
    .leftJoin('districts as d', 'd.id', 'q.district_id')
    .select(['q.body', 'd.name as district_name'])
    .where('q.period', '=', period)
    .orderBy('q.computed_at', 'desc')
    .executeTakeFirst()
}

export async function periodsWithAList(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('qualified_lists').select('period').distinct().execute()
  return rows.map((r) => r.period)
}
