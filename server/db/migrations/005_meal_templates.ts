import type { Kysely } from 'kysely'

// A facility's weekly meal plan: per weekday and meal, the time, the portions it can make and the sets. Staff
// edit it and publish coming days from it; a published day is a session with its own sets from then on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meal_week_templates')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    /** 0 = Monday … 6 = Sunday. */
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('starts', 'text', (c) => c.notNull())
    .addColumn('ends', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    /** JSON array of {name, dishes, tags, priceFen}. */
    .addColumn('sets', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meal_week_templates_pk', ['facility_id', 'weekday', 'part'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meal_week_templates').execute()
}
