import { type Kysely, sql } from 'kysely'

// 一人一位 (one person holds one place of a service at a time) and the most one account may take of a session.
// Both are enforced by the database inside the booking's transaction: a claim per person, service, day and part of
// the day, whose primary key refuses a second one; and a per-account count per session, raised by a guarded upsert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('place_claims')
    .addColumn('beneficiary', 'text', (c) => c.notNull())
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('place_claims_pk', ['beneficiary', 'function_code', 'service_date', 'slot'])
    .execute()
  await db.schema.createIndex('place_claims_by_booking').on('place_claims').column('booking_id').execute()

  await db.schema
    .createTable('account_session_units')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('units', 'integer', (c) => c.notNull().check(sql`units >= 0`))
    .addPrimaryKeyConstraint('account_session_units_pk', ['user_id', 'session_id'])
    .execute()

  // The district's limits per service, for the rules that exist (new ones name theirs when seeded): a family's
  // lunches for a gathering, at most three children in care, an elderly couple.
  await db.schema
    .alterTable('booking_rules')
    .addColumn('max_units_per_account', 'integer', (c) => c.notNull().defaultTo(10))
    .execute()
  await sql`
    update booking_rules set max_units_per_account = case function_code
      when 'infant_care' then 3 when 'child_care' then 3 when 'elderly_care' then 2 else 10 end
  `.execute(db)

  await backfillOnePlace(db)
}

/**
 * Claims and account counts for the bookings made before this migration, as the engine writes them: a full day
 * holds the morning and the afternoon, any other part itself (the mapping as of this migration; the engine's is
 * `server/bookings/place-claims.ts`). Where a person already held two overlapping bookings, the earlier one
 * keeps the claim. A deleted member's past bookings (anonymised: no member, booked "for a member") claim nothing.
 * A facility desk's bookings (`desk:` accounts) count for no account.
 */
export async function backfillOnePlace<DB>(db: Kysely<DB>): Promise<void> {
  const slots = [
    { slot: sql`case s.part when 'full_day' then 'morning' else s.part end`, only: sql.raw('') },
    { slot: sql`'afternoon'`, only: sql`and s.part = 'full_day'` },
  ]
  for (const { slot, only } of slots) {
    await sql`
      insert into place_claims (beneficiary, function_code, service_date, slot, booking_id)
      select
        case when b.member_id is null then 'user:' || b.booker_user_id else 'member:' || b.member_id end,
        b.function_code, s.date, ${slot}, b.id
      from booking_sessions bs
      join bookings b on b.id = bs.booking_id
      join sessions s on s.id = bs.session_id
      where b.status <> 'cancelled'
        and not (b.member_id is null and b.details like '%"forMember":true%')
        ${only}
      order by b.created_at, b.id
      on conflict do nothing
    `.execute(db)
  }
  await sql`
    insert into account_session_units (user_id, session_id, units)
    select b.booker_user_id, bs.session_id, sum(bs.units)
    from booking_sessions bs
    join bookings b on b.id = bs.booking_id
    join users u on u.id = b.booker_user_id
    where b.status <> 'cancelled' and u.openid not like 'desk:%'
    group by b.booker_user_id, bs.session_id
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('booking_rules').dropColumn('max_units_per_account').execute()
  await db.schema.dropTable('account_session_units').execute()
  await db.schema.dropTable('place_claims').execute()
}
