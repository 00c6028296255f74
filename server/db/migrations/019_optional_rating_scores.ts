import { type Kysely, SqliteAdapter, sql } from 'kysely'

// 好差评 asks for the overall level first; the four scores (态度, 质量, 环境与安全, 价格) become optional, so a rating
// fits one screen in 长辈版 and nobody is made to score what they did not notice. A score not given is NULL.
// (Numbered after wt-scale's 016–018, which were in flight when this was written.)
const SCORES = ['attitude', 'quality', 'environment', 'price'] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    for (const column of SCORES) await sql`alter table ratings alter column ${sql.ref(column)} drop not null`.execute(db)
    return
  }
  // SQLite cannot drop NOT NULL: the table is rebuilt, inside the migration's transaction (where foreign keys cannot
  // be switched off). Dropping the old table cascades to rectification_cases, so its rows are kept aside and put back;
  // nothing references the new table while it is renamed, so the cases' foreign key (naming `ratings`) finds it.
  await db.schema
    .createTable('ratings_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().unique().references('bookings.id').onDelete('cascade'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('rater_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addColumn('attitude', 'integer', (c) => c.check(sql`attitude between 1 and 5`))
    .addColumn('quality', 'integer', (c) => c.check(sql`quality between 1 and 5`))
    .addColumn('environment', 'integer', (c) => c.check(sql`environment between 1 and 5`))
    .addColumn('price', 'integer', (c) => c.check(sql`price between 1 and 5`))
    .addColumn('would_use_again', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await sql`insert into ratings_new select * from ratings`.execute(db)
  await sql`create temporary table cases_kept as select * from rectification_cases`.execute(db)
  // Emptied here, not left to the cascade: migrations run on SQLite with foreign keys off (see migrate.ts).
  await sql`delete from rectification_cases`.execute(db)
  await sql`drop table ratings`.execute(db)
  await sql`alter table ratings_new rename to ratings`.execute(db)
  await sql`insert into rectification_cases select * from cases_kept`.execute(db)
  await sql`drop table cases_kept`.execute(db)
  await db.schema.createIndex('ratings_by_facility').on('ratings').columns(['facility_id', 'function_code', 'service_date']).execute()
}

export async function down(): Promise<void> {
  // Scores left out cannot be made up: there is no way back to NOT NULL that keeps every rating.
}
