import { type Kysely, sql } from 'kysely'

// 婴幼儿托育 beyond 全日托: a facility's rates per class for 半日托 (a half day), 计时托 (an hour) and 临时托 (a day).
// 全日托 keeps its price on the session's class (a day can be priced on its own); a type without a rate is not offered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('infant_care_rates')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('care_type', 'text', (c) => c.notNull().check(sql`care_type in ('half_day', 'hourly', 'temporary')`))
    .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen >= 0`))
    .addPrimaryKeyConstraint('infant_care_rates_pk', ['facility_id', 'class_code', 'care_type'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('infant_care_rates').execute()
}
