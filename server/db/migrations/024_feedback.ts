import type { Kysely } from 'kysely'

// 意见建议 and 价格投诉 (the plan's 沟通议事平台): a resident writes to the street office about a facility; the street
// office answers by a deadline in working days; the resident accepts the answer or not.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.references('bookings.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('verdict_at', 'text')
    .execute()
  await db.schema.createIndex('feedback_facility_status').on('feedback').columns(['facility_id', 'status']).execute()
  await db.schema.createIndex('feedback_user').on('feedback').column('user_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback').execute()
}
