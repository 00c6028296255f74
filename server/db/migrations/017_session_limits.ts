import type { Kysely } from 'kysely'

// Sessions are capped per user (the oldest go, found by user and age) and purged hourly once expired.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('auth_sessions_by_user_age').on('auth_sessions').columns(['user_id', 'created_at']).execute()
  await db.schema.createIndex('auth_sessions_by_expiry').on('auth_sessions').column('expires_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('auth_sessions_by_expiry').execute()
  await db.schema.dropIndex('auth_sessions_by_user_age').execute()
}
