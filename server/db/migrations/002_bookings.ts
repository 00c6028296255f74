import { type Kysely, sql } from 'kysely'

// The booking engine (sessions, bookings, their history, idempotency) and what community meals add to it
// (rules per facility and function, menus, meal settings, subsidy tiers, family members' details).
// Money is integer fen (分) everywhere; dates are Asia/Shanghai calendar days as 'YYYY-MM-DD'.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('family_members').addColumn('birth_date', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('mobility_need', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('family_members').addColumn('diet_notes', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('address', 'text').execute()
  /** Where the member lives; the meal subsidy applies only in this district. */
  await db.schema.alterTable('family_members').addColumn('district_id', 'text').execute()
  /** 低保 / 特困 / 低收入 as declared by the family; applies only once staff verified it. */
  await db.schema.alterTable('family_members').addColumn('subsidy_category', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('subsidy_verified_at', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('consent_version', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('consent_at', 'text').execute()

  await db.schema
    .createTable('booking_rules')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('horizon_days', 'integer', (c) => c.notNull())
    .addColumn('cutoff_minutes', 'integer', (c) => c.notNull())
    .addColumn('cancel_minutes', 'integer', (c) => c.notNull())
    .addColumn('max_units', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('booking_rules_pk', ['facility_id', 'function_code'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    // The guarded update keeps booked <= capacity; the check is the database's own last word on it.
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0).check(sql`booked >= 0 and booked <= capacity`))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('sessions_slot', ['facility_id', 'function_code', 'date', 'part'])
    .execute()

  await db.schema
    .createTable('meal_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dishes', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen >= 0`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('meal_sets_by_session').on('meal_sets').column('session_id').execute()

  await db.schema
    .createTable('meal_settings')
    .addColumn('facility_id', 'text', (c) => c.primaryKey().references('facilities.id').onDelete('cascade'))
    .addColumn('delivery_fee_fen', 'integer', (c) => c.notNull())
    .addColumn('delivery_radius_m', 'integer', (c) => c.notNull())
    .addColumn('delivery_min_age', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('subsidy_tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('min_age', 'integer', (c) => c.notNull())
    .addColumn('max_age', 'integer')
    /** null for an age tier; 低保 / 特困 / 低收入 tiers name the category and need staff verification. */
    .addColumn('category', 'text')
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('booker_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('member_id', 'text', (c) => c.references('family_members.id').onDelete('set null'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    /** The first (for most bookings the only) session; all of them are in booking_sessions. */
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('booked', 'checked_in', 'completed', 'no_show', 'cancelled')`),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    /** JSON: what was booked beyond the sessions (a meal's set and fulfilment, a delivery address). */
    .addColumn('details', 'text', (c) => c.notNull())
    /** JSON: the 原价 / 补贴 / 个人支付 quote the booking was placed with. */
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('payable_fen', 'integer', (c) => c.notNull())
    /** The first session's start and the cancel deadline, fixed by the rules the booking was placed under. */
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('cancel_until', 'text', (c) => c.notNull())
    .addColumn('paid_fen', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('bookings_by_booker').on('bookings').columns(['booker_user_id', 'created_at']).execute()
  await db.schema.createIndex('bookings_by_member').on('bookings').column('member_id').execute()

  await db.schema
    .createTable('booking_sessions')
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('units', 'integer', (c) => c.notNull().check(sql`units > 0`))
    .addPrimaryKeyConstraint('booking_sessions_pk', ['booking_id', 'session_id'])
    .execute()
  await db.schema.createIndex('booking_sessions_by_session').on('booking_sessions').column('session_id').execute()

  await db.schema
    .createTable('booking_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('booking_events_by_booking').on('booking_events').column('booking_id').execute()

  // One subsidised meal per person per day: the primary key is the rule, so two racing orders cannot both
  // take it. The row goes when its booking is cancelled.
  await db.schema
    .createTable('meal_subsidy_claims')
    .addColumn('beneficiary', 'text', (c) => c.notNull())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meal_subsidy_claims_pk', ['beneficiary', 'service_date'])
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'meal_subsidy_claims',
    'booking_events',
    'booking_sessions',
    'bookings',
    'subsidy_tiers',
    'meal_settings',
    'meal_sets',
    'sessions',
    'booking_rules',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  for (const column of [
    'consent_at',
    'consent_version',
    'subsidy_verified_at',
    'subsidy_category',
    'district_id',
    'address',
    'diet_notes',
    'mobility_need',
    'birth_date',
  ]) {
    await db.schema.alterTable('family_members').dropColumn(column).execute()
  }
}
