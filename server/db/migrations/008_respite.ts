import type { Kysely } from 'kysely'

// 短期托养 (respite): a stay takes one bed every night of a run; the facility's longest stay is a rule; an elderly
// member's care level (能力评估) is recorded by staff, and a stay for a member without one waits for staff to
// confirm it (the beds are held meanwhile).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('booking_rules').addColumn('max_run_days', 'integer').execute()
  /** A session's own price (a night's bed), where the service is priced per session. */
  await db.schema.alterTable('sessions').addColumn('price_fen', 'integer').execute()
  await db.schema.alterTable('family_members').addColumn('care_level', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('care_level_assessed_at', 'text').execute()
  await db.schema.alterTable('bookings').addColumn('awaiting_confirmation', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bookings').dropColumn('awaiting_confirmation').execute()
  await db.schema.alterTable('family_members').dropColumn('care_level_assessed_at').execute()
  await db.schema.alterTable('family_members').dropColumn('care_level').execute()
  await db.schema.alterTable('sessions').dropColumn('price_fen').execute()
  await db.schema.alterTable('booking_rules').dropColumn('max_run_days').execute()
}
