import { type Kysely, SqliteAdapter, sql } from 'kysely'

// Activities (文化休闲 classes, 体育健身 sessions, 健康服务 talks, 儿童游憩 open sessions, 养老 activities): what an
// operator publishes. Each of its days is a session of the one booking engine, so signing up, capacity, the
// waitlist, check-in, no-shows, 好差评 and the evaluation are those every service has; the activity holds only what
// a session does not: its title, description and ages.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute()
  await db.schema.createIndex('activities_facility').on('activities').columns(['facility_id', 'function_code']).execute()
  await db.schema.alterTable('sessions').addColumn('activity_id', 'text', (c) => c.references('activities.id')).execute()
  await db.schema.createIndex('sessions_activity').on('sessions').column('activity_id').execute()
  await slotPerServiceOnly(db)
}

/**
 * A service has one session per facility, day and part (`sessions_slot`), which publishing relies on to never write a
 * day twice; an activity's days are apart from that, as a facility may hold two classes on one afternoon. The
 * constraint becomes a unique index on the sessions of no activity.
 */
async function slotPerServiceOnly(db: Kysely<unknown>): Promise<void> {
  const slot = sql`create unique index sessions_slot on sessions (facility_id, function_code, date, part) where activity_id is null`
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    await sql`alter table sessions drop constraint sessions_slot`.execute(db)
    await slot.execute(db)
    return
  }
  // SQLite cannot drop a table constraint: the table is rebuilt from its own definition without it. Foreign keys are
  // off while migrations run on SQLite (see migrate.ts), so dropping the old table touches none of the rows that
  // reference it, and they find the new one by name.
  const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'sessions'`.execute(db)
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'sessions' and sql is not null`.execute(db)
  const definition = table.rows[0].sql
  const without = definition.replace(/,\s*constraint\s+"?sessions_slot"?\s+unique\s*\([^)]*\)/i, '')
  if (without === definition) throw new Error('sessions_slot not found in the sessions table definition')
  await sql.raw(without.replace(/^create table\s+"?sessions"?/i, 'create table sessions_rebuilt')).execute(db)
  await sql`insert into sessions_rebuilt select * from sessions`.execute(db)
  await sql`drop table sessions`.execute(db)
  await sql`alter table sessions_rebuilt rename to sessions`.execute(db)
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db)
  await slot.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The slot stays an index, over every session again.
  await db.schema.dropIndex('sessions_slot').execute()
  await sql`create unique index sessions_slot on sessions (facility_id, function_code, date, part)`.execute(db)
  await db.schema.dropIndex('sessions_activity').execute()
  await db.schema.alterTable('sessions').dropColumn('activity_id').execute()
  await db.schema.dropTable('activities').execute()
}
