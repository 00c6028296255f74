import { type Kysely, sql } from 'kysely'

// Several API instances share one database: every background job must be safe when N of them run it.
// - A notice is claimed before it is sent: `claimed_by` / `claimed_until` are a lease, so a second sender skips
//   it, and a sender that died mid-round leaves a lease that expires and lets another instance retry.
// - A periodic job that should run once per round (waitlist, qualified list, purges) takes a named lease first.
// - A cache an instance keeps carries the version of what it caches, read from here: a change made through any
//   instance (or the seed) bumps it and every instance reloads.
// One column per statement: SQLite adds one column at a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notices').addColumn('claimed_by', 'text').execute()
  await db.schema.alterTable('notices').addColumn('claimed_until', 'text').execute()
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('cache_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await sql`insert into cache_versions (name, version) values ('facilities', 1)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cache_versions').execute()
  await db.schema.dropTable('job_leases').execute()
  await db.schema.alterTable('notices').dropColumn('claimed_until').execute()
  await db.schema.alterTable('notices').dropColumn('claimed_by').execute()
}
