import type { Kysely } from 'kysely'

// The desk undoes a mistaken no-show or completion on the day: the undo is an event of its own that names the
// event it takes back, so the history keeps both. A suspension remembers whom it was told to, so that lifting it
// tells the same person. One column per statement: SQLite adds one column at a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('booking_events').addColumn('undoes_event_id', 'text', (c) => c.references('booking_events.id')).execute()
  await db.schema.alterTable('suspensions').addColumn('notified_user_id', 'text', (c) => c.references('users.id')).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('suspensions').dropColumn('notified_user_id').execute()
  await db.schema.alterTable('booking_events').dropColumn('undoes_event_id').execute()
}
