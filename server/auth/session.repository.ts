import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'

export async function insertSession(
  db: Kysely<Database>,
  session: { userId: string; tokenHash: string; wechatSessionKey: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_sessions')
    .values({
      id: randomUUID(),
      user_id: session.userId,
      token_hash: session.tokenHash,
      wechat_session_key: session.wechatSessionKey,
      created_at: session.now.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      revoked_at: null,
    })
    .execute()
}

/** The user behind a live session: not expired, not revoked. */
export async function findUserByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

export async function revokeSessionByTokenHash(db: Kysely<Database>, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
}
