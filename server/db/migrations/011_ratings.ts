import { type Kysely, sql } from 'kysely'

// 好差评: one rating per completed booking, by its booker; a 差评 opens a rectification case with a deadline in
// working days. The window, the deadline and the public holidays that do not count are the district's data.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rating_rules')
    .addColumn('district_id', 'text', (c) => c.primaryKey().references('districts.id'))
    .addColumn('window_days', 'integer', (c) => c.notNull().check(sql`window_days > 0`))
    .addColumn('rectification_working_days', 'integer', (c) => c.notNull().check(sql`rectification_working_days > 0`))
    .execute()

  /** Public holidays (no work) and the weekend days worked in their place (调休), from the State Council's notice. */
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().unique().references('bookings.id').onDelete('cascade'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('rater_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addColumn('attitude', 'integer', (c) => c.notNull().check(sql`attitude between 1 and 5`))
    .addColumn('quality', 'integer', (c) => c.notNull().check(sql`quality between 1 and 5`))
    .addColumn('environment', 'integer', (c) => c.notNull().check(sql`environment between 1 and 5`))
    .addColumn('price', 'integer', (c) => c.notNull().check(sql`price between 1 and 5`))
    .addColumn('would_use_again', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('ratings_by_facility').on('ratings').columns(['facility_id', 'function_code', 'service_date']).execute()

  await db.schema
    .createTable('rectification_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('ratings.id').onDelete('cascade'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'answered', 'accepted', 'rejected')`))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    /** The last working day to answer, Asia/Shanghai. */
    .addColumn('due_date', 'text', (c) => c.notNull())
    /** The operator's call-back to the resident (100 % of 差评) and what was put right. */
    .addColumn('callback_at', 'text')
    .addColumn('callback_note', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('verdict_at', 'text')
    .execute()
  await db.schema.createIndex('rectification_by_facility').on('rectification_cases').columns(['facility_id', 'status', 'due_date']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rectification_cases').execute()
  await db.schema.dropTable('ratings').execute()
  await db.schema.dropTable('calendar_days').execute()
  await db.schema.dropTable('rating_rules').execute()
}
