import type { Kysely } from 'kysely'

// 家政便民: a resident's request for a service at home (a window of a day, an address); the operator accepts it with a
// time and a price, and it becomes a booking of the one booking engine (`booking_id`), or declines it with a reason.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('home_service_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('window', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    // requested, accepted, declined, cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('sessions.id'))
    .addColumn('booking_id', 'text', (c) => c.references('bookings.id'))
    .addColumn('visit_at', 'text')
    .addColumn('price_fen', 'integer')
    .addColumn('decline_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('home_service_requests_facility').on('home_service_requests').columns(['facility_id', 'status']).execute()
  await db.schema.createIndex('home_service_requests_user').on('home_service_requests').column('user_id').execute()
  await db.schema.createIndex('home_service_requests_session').on('home_service_requests').column('session_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('home_service_requests').execute()
}
