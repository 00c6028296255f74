import { type Kysely, sql } from 'kysely'

// 候补 (waitlist) for full care sessions: an entry keeps the request it would book and the places it needs (a
// session, and the class on that day for infant care); when places free up the first in line gets the booking,
// held for a window until they confirm it (`bookings.offer_expires_at`), or lose it to the next in line.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('waitlist_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('member_id', 'text', (c) => c.references('family_members.id').onDelete('cascade'))
    /** member:<id> or user:<id>: one place in a queue per person. */
    .addColumn('beneficiary', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    /** The queue an entry stands in: its first session, and for infant care the child's class on that day. */
    .addColumn('queue_class', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.references('bookings.id').onDelete('set null'))
    .addColumn('ended_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('waitlist_status', sql`status in ('waiting', 'offered', 'booked', 'expired', 'declined', 'left', 'lapsed')`)
    .execute()
  await db.schema
    .createIndex('waitlist_by_queue')
    .on('waitlist_entries')
    .columns(['session_id', 'queue_class', 'status', 'created_at'])
    .execute()
  await db.schema
    .createIndex('waitlist_one_active_per_person')
    .on('waitlist_entries')
    .columns(['beneficiary', 'session_id'])
    .unique()
    .where(sql.ref('status'), 'in', ['waiting', 'offered'])
    .execute()
  await db.schema.createIndex('waitlist_by_user').on('waitlist_entries').columns(['user_id', 'created_at']).execute()

  await db.schema
    .createTable('waitlist_needs')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('waitlist_entries.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('class_code', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('waitlist_needs_pk', ['entry_id', 'session_id', 'class_code'])
    .execute()
  await db.schema.createIndex('waitlist_needs_by_session').on('waitlist_needs').columns(['session_id', 'class_code']).execute()

  await db.schema.alterTable('bookings').addColumn('offer_expires_at', 'text').execute()
  await db.schema.createIndex('bookings_by_offer_expiry').on('bookings').column('offer_expires_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('bookings_by_offer_expiry').execute()
  await db.schema.alterTable('bookings').dropColumn('offer_expires_at').execute()
  await db.schema.dropTable('waitlist_needs').execute()
  await db.schema.dropTable('waitlist_entries').execute()
}
