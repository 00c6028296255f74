import { type Kysely, sql } from 'kysely'

// Operator and government staff: who may act for which facilities, the no-show policy and its suspensions, and
// why a session was closed.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Granted by an administrator (scripts/admin.ts), never by the user: an operator's staff act for the facilities
  // the operator runs; government staff oversee the facilities of their street office or district.
  await db.schema
    .createTable('staff_bindings')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('scope_kind', 'text', (c) => c.notNull().check(sql`scope_kind in ('operator', 'street', 'district')`))
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_bindings_pk', ['user_id', 'scope_kind', 'scope_id'])
    .execute()

  await db.schema
    .createTable('no_show_rules')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('max_no_shows', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('suspend_days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('no_show_rules_pk', ['district_id', 'function_code'])
    .execute()

  await db.schema
    .createTable('suspensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** member:<id> or user:<id>, as the subsidy counts people. */
    .addColumn('beneficiary', 'text', (c) => c.notNull())
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('suspensions_by_beneficiary').on('suspensions').columns(['beneficiary', 'function_code']).execute()

  await db.schema.alterTable('sessions').addColumn('closed_reason', 'text').execute()
  await db.schema.createIndex('bookings_by_session_status').on('bookings').columns(['session_id', 'status']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('bookings_by_session_status').execute()
  await db.schema.alterTable('sessions').dropColumn('closed_reason').execute()
  for (const table of ['suspensions', 'no_show_rules', 'staff_bindings']) await db.schema.dropTable(table).execute()
}
