import type { Kysely } from 'kysely'

// A 公告 published by mistake (a wrong price, the wrong street) is withdrawn: it leaves residents' first screens at
// once, and stays in the publisher's list, marked, as a record of what was said.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('announcements').addColumn('withdrawn_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('announcements').dropColumn('withdrawn_at').execute()
}
