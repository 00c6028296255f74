import { type Kysely, sql } from 'kysely'

// 数据不足: what a facility × function needs in a period to be ranked (server/evaluation/ranking.ts says why both).
// Existing districts get the seeded defaults; at least 1 each, so that no data is never a score. One column per
// statement: SQLite adds one column at a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('evaluation_settings')
    .addColumn('rank_min_bookings', 'integer', (c) => c.notNull().defaultTo(5).check(sql`rank_min_bookings >= 1`))
    .execute()
  await db.schema
    .alterTable('evaluation_settings')
    .addColumn('rank_min_ratings', 'integer', (c) => c.notNull().defaultTo(3).check(sql`rank_min_ratings >= 1`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evaluation_settings').dropColumn('rank_min_ratings').execute()
  await db.schema.alterTable('evaluation_settings').dropColumn('rank_min_bookings').execute()
}
