import type { Kysely } from 'kysely'

// Operators publish every care service from a weekly schedule, as meals from their plan (005): per facility and
// schedule (全日托, 放学后托管, 假期托管, 日间照料, 短期托养) how many weeks ahead, and per weekday the hours, places
// (per class for 托育, as JSON) and price. The school breaks that decide 放学后 from 假期 days are the district's data.
// Every price change is kept, with the day it took effect, for the public price list (价格公示) and the street office.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('care_schedules')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('weeks_ahead', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_schedules_pk', ['facility_id', 'schedule'])
    .execute()
  await db.schema
    .createTable('care_schedule_days')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    /** 0 = Monday … 6 = Sunday. */
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('starts', 'text', (c) => c.notNull())
    .addColumn('ends', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    /** 托育: JSON array of {classCode, capacity, priceFen}; null for the other services. */
    .addColumn('classes', 'text')
    .addPrimaryKeyConstraint('care_schedule_days_pk', ['facility_id', 'schedule', 'weekday'])
    .addForeignKeyConstraint('care_schedule_days_schedule_fk', ['facility_id', 'schedule'], 'care_schedules', ['facility_id', 'schedule'], (c) =>
      c.onDelete('cascade'),
    )
    .execute()
  await db.schema
    .createTable('school_breaks')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_breaks_pk', ['district_id', 'starts_on'])
    .execute()
  await db.schema
    .createTable('price_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    /** What is priced, stable across changes (day_care, infant_care:infant, infant_rate:infant:hourly, meal:lunch:A套餐). */
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    /** null: no longer offered. */
    .addColumn('price_fen', 'integer')
    /** null: newly offered. */
    .addColumn('previous_fen', 'integer')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    /** null: set by the sample data. */
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('price_changes_facility').on('price_changes').columns(['facility_id', 'at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('price_changes').execute()
  await db.schema.dropTable('school_breaks').execute()
  await db.schema.dropTable('care_schedule_days').execute()
  await db.schema.dropTable('care_schedules').execute()
}
