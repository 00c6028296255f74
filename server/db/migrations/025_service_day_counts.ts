import { type Kysely, SqliteAdapter, sql } from 'kysely'

// The evaluation's counts per facility, function and service day, kept by the database itself: a city's quarter is
// tens of millions of bookings and a million ratings, and summing them on every request took seconds. Triggers on
// `bookings` and `ratings` keep the counts, so every way a row is written (the booking engine, the desk, the jobs,
// account deletion, a cascade, a test fixture) counts, and no code path can forget to. What counts is the rule the
// evaluation always had: a booking not cancelled is placed; a rating of 3 or more is satisfied.
//
// On PostgreSQL the triggers are deferred to commit: a kitchen's lunch rush would otherwise hold its day's row from
// the booking's first insert to its commit, one booking at a time; deferred, the row is held only while committing.

const COUNTS = ['bookings', 'cancelled', 'completed', 'no_shows', 'ratings', 'satisfied', 'level_sum', 'again'] as const

// A row's contribution to its day's counts, signed: +1 for the row as it now is, -1 for the row as it was.
const bookingDelta = (row: 'NEW' | 'OLD', sign: 1 | -1) =>
  `${row}.facility_id, ${row}.function_code, ${row}.service_date,
   ${sign} * (case when ${row}.status <> 'cancelled' then 1 else 0 end),
   ${sign} * (case when ${row}.status = 'cancelled' then 1 else 0 end),
   ${sign} * (case when ${row}.status = 'completed' then 1 else 0 end),
   ${sign} * (case when ${row}.status = 'no_show' then 1 else 0 end), 0, 0, 0, 0`
const ratingDelta = (row: 'NEW' | 'OLD', sign: 1 | -1) =>
  `${row}.facility_id, ${row}.function_code, ${row}.service_date, 0, 0, 0, 0, ${sign},
   ${sign} * (case when ${row}.level >= 3 then 1 else 0 end), ${sign} * ${row}.level, ${sign} * ${row}.would_use_again`

const upsert = (values: string) =>
  `insert into service_day_counts (facility_id, function_code, day, ${COUNTS.join(', ')})
   values (${values})
   on conflict (facility_id, function_code, day) do update set
   ${COUNTS.map((c) => `${c} = service_day_counts.${c} + excluded.${c}`).join(', ')};`

/** Which columns, when changed, move a row's contribution. */
const WATCHED = {
  bookings: ['facility_id', 'function_code', 'service_date', 'status'],
  ratings: ['facility_id', 'function_code', 'service_date', 'level', 'would_use_again'],
}
const DELTA = { bookings: bookingDelta, ratings: ratingDelta }

export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('service_day_counts')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
  for (const column of COUNTS) table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
  await table.addPrimaryKeyConstraint('service_day_counts_pk', ['facility_id', 'function_code', 'day']).execute()
  // The evaluation reads a period of every facility: by day first.
  await db.schema.createIndex('service_day_counts_day').on('service_day_counts').columns(['day', 'facility_id', 'function_code']).execute()

  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  for (const source of ['bookings', 'ratings'] as const) {
    const delta = DELTA[source]
    if (sqlite) {
      await sql.raw(`create trigger ${source}_count_insert after insert on ${source} begin ${upsert(delta('NEW', 1))} end`).execute(db)
      await sql.raw(`create trigger ${source}_count_delete after delete on ${source} begin ${upsert(delta('OLD', -1))} end`).execute(db)
      await sql
        .raw(`create trigger ${source}_count_update after update of ${WATCHED[source].join(', ')} on ${source}
              begin ${upsert(delta('OLD', -1))} ${upsert(delta('NEW', 1))} end`)
        .execute(db)
    } else {
      await sql
        .raw(`create function ${source}_count() returns trigger language plpgsql as $$
              begin
                if tg_op in ('UPDATE', 'DELETE') then ${upsert(delta('OLD', -1))} end if;
                if tg_op in ('UPDATE', 'INSERT') then ${upsert(delta('NEW', 1))} end if;
                return null;
              end $$`)
        .execute(db)
      await sql
        .raw(`create constraint trigger ${source}_count after insert or delete or update of ${WATCHED[source].join(', ')} on ${source}
              deferrable initially deferred for each row execute function ${source}_count()`)
        .execute(db)
    }
  }

  await countExisting(db)
}

/** The rows already there, counted by the same rule in one pass (also how a bulk load without triggers catches up). */
export async function countExisting(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`insert into service_day_counts (facility_id, function_code, day, ${COUNTS.join(', ')})
          select facility_id, function_code, day, ${COUNTS.map((c) => `sum(${c})`).join(', ')} from (
            select facility_id, function_code, service_date as day,
              case when status <> 'cancelled' then 1 else 0 end as bookings,
              case when status = 'cancelled' then 1 else 0 end as cancelled,
              case when status = 'completed' then 1 else 0 end as completed,
              case when status = 'no_show' then 1 else 0 end as no_shows,
              0 as ratings, 0 as satisfied, 0 as level_sum, 0 as again
            from bookings
            union all
            select facility_id, function_code, service_date, 0, 0, 0, 0, 1,
              case when level >= 3 then 1 else 0 end, level, would_use_again
            from ratings
          ) counted
          group by facility_id, function_code, day`)
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  for (const source of ['bookings', 'ratings']) {
    if (sqlite) {
      for (const op of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${source}_count_${op}`).execute(db)
    } else {
      await sql.raw(`drop trigger ${source}_count on ${source}`).execute(db)
      await sql.raw(`drop function ${source}_count()`).execute(db)
    }
  }
  await db.schema.dropTable('service_day_counts').execute()
}
