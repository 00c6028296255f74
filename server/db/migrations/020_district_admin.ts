import type { Kysely } from 'kysely'

// The district administers its own facilities and operators in the app. A facility is retired, never deleted (its
// bookings and ratings stay readable); every change is audited (who, when, before → after) and bumps the directory's
// version in cache_versions (016), so every instance reloads it. One column per statement: SQLite adds one column at
// a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('facilities').addColumn('retired_at', 'text').execute()
  await db.schema.alterTable('operators').addColumn('contact', 'text').execute()
  await db.schema.alterTable('operators').addColumn('licence_no', 'text').execute()
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute()
  await db.schema.createIndex('audit_log_district_at').on('audit_log').columns(['district_id', 'at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute()
  await db.schema.alterTable('operators').dropColumn('licence_no').execute()
  await db.schema.alterTable('operators').dropColumn('contact').execute()
  await db.schema.alterTable('facilities').dropColumn('retired_at').execute()
}
