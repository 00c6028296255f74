import { type Kysely, sql } from 'kysely'

// 运营评估: the district's weights for the composite score and its criteria for the qualified-operator list are
// data; each period's list is kept (history). The index serves the period's counts per facility and function.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evaluation_settings')
    .addColumn('district_id', 'text', (c) => c.primaryKey().references('districts.id'))
    /** How many ratings' worth the district mean counts for in the adjusted score. */
    .addColumn('prior_weight', 'integer', (c) => c.notNull().check(sql`prior_weight >= 0`))
    .addColumn('min_ratings', 'integer', (c) => c.notNull())
    .addColumn('min_satisfaction', 'real', (c) => c.notNull())
    .addColumn('max_overdue', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('evaluation_weights')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull().check(sql`weight >= 0`))
    .addPrimaryKeyConstraint('evaluation_weights_pk', ['district_id', 'metric'])
    .execute()
  await db.schema
    .createTable('qualified_lists')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    /** The list as published: criteria and every operator with its reasons (JSON). */
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qualified_lists_pk', ['district_id', 'period'])
    .execute()
  await db.schema
    .createIndex('bookings_by_facility_day')
    .on('bookings')
    .columns(['facility_id', 'function_code', 'service_date', 'status'])
    .execute()
  await db.schema.createIndex('rectification_by_due').on('rectification_cases').columns(['due_date']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('rectification_by_due').execute()
  await db.schema.dropIndex('bookings_by_facility_day').execute()
  await db.schema.dropTable('qualified_lists').execute()
  await db.schema.dropTable('evaluation_weights').execute()
  await db.schema.dropTable('evaluation_settings').execute()
}
