import { type Kysely, sql } from 'kysely'

// 婴幼儿托育: a session's places are split by class (托育机构设置标准: 乳儿班 6–12 months ≤ 10, 托小班 12–24 ≤ 15,
// 托大班 24–36 ≤ 20; a facility may set less), each with its own guarded count and price; a booking records which
// class it took on each day; the first booking at a facility needs the guardian's agreement and health declaration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_classes')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('class_code', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0).check(sql`booked >= 0 and booked <= capacity`))
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_classes_pk', ['session_id', 'class_code'])
    .execute()

  await db.schema.alterTable('booking_sessions').addColumn('class_code', 'text').execute()

  await db.schema
    .createTable('care_agreements')
    .addColumn('member_id', 'text', (c) => c.notNull().references('family_members.id').onDelete('cascade'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('function_code', 'text', (c) => c.notNull())
    .addColumn('agreement_version', 'text', (c) => c.notNull())
    .addColumn('health_check_declared_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_agreements_pk', ['member_id', 'facility_id', 'function_code'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('care_agreements').execute()
  await db.schema.alterTable('booking_sessions').dropColumn('class_code').execute()
  await db.schema.dropTable('session_classes').execute()
}
