import type { Kysely } from 'kysely'

// A function may keep hours of its own (社区助餐 11:00–13:00 in a centre open 08:00–20:00): JSON opening hours on its
// facility_functions row; null keeps the facility's. (021–023 are another change's.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('facility_functions').addColumn('hours', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('facility_functions').dropColumn('hours').execute()
}
