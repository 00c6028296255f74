import { type Kysely, sql } from 'kysely'

// The outbox: every notice a resident should get (booking confirmed, reminder, cancelled by the facility) is
// written in the same transaction as the change it tells of, then delivered by the sender as a WeChat subscribe
// message, with retries and a dead-letter state. The same rows are the in-app message list on H5.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.references('bookings.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** JSON: the subscribe message's template fields. */
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** Not before this instant (a reminder waits for its time). */
    .addColumn('deliver_after', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`delivery in ('pending', 'sent', 'skipped', 'dead', 'void')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('read_at', 'text')
    .execute()
  await db.schema.createIndex('notices_due').on('notices').columns(['delivery', 'next_attempt_at']).execute()
  await db.schema.createIndex('notices_by_user').on('notices').columns(['user_id', 'created_at']).execute()

  // How long before the start a booking's reminder goes out: district data like the other rules.
  await db.schema
    .alterTable('booking_rules')
    .addColumn('reminder_minutes', 'integer', (c) => c.notNull().defaultTo(120))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('booking_rules').dropColumn('reminder_minutes').execute()
  await db.schema.dropTable('notices').execute()
}
