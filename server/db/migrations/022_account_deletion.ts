import type { Kysely } from 'kysely'

// 注销账号 (个人信息保护法 §47): the account's row stays as a tombstone — bookings, ratings and the audit log point to
// it, and the district must keep counting them — with nothing left that identifies the person: its WeChat openid is
// replaced, its nickname cleared, and the day it was deleted recorded.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('deleted_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('deleted_at').execute()
}
