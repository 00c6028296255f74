import { type Kysely, SqliteAdapter, sql } from 'kysely'

// A rectification case carries the service its 差评 was about: the evaluation counts cases per facility and service,
// and finding the service through the case's rating meant joining a district's million ratings on every evaluation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rectification_cases').addColumn('function_code', 'text', (c) => c.notNull().defaultTo('')).execute()
  await sql`update rectification_cases set function_code = (select r.function_code from ratings r where r.id = rectification_cases.rating_id)`.execute(db)
  // SQLite cannot drop a default; every insert names the service anyway.
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table rectification_cases alter column function_code drop default`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rectification_cases').dropColumn('function_code').execute()
}
