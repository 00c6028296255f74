import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { statement } from '../db/statement'

export async function insertSession(
  db: Kysely<Database>,
  session: { userId: string; tokenHash: string; wechatSessionKey: string | null; now: Date; expiresAt: Date },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('auth_sessions')
    .values({
      id,
      user_id: session.userId,
      token_hash: session.tokenHash,
      wechat_session_key: session.wechatSessionKey,
      created_at: session.now.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      revoked_at: null,
    })
    .execute()
  return id
}

/** The user behind a live session: not expired, not revoked. */
export async function findUserByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<UserRow | undefined> {
  return userOfToken.first(db, { tokenHash, now: now.toISOString() })
}

// Every request that signs in reads it.
const userOfToken = statement((db, { tokenHash, now }: { tokenHash: string; now: string }) =>
  db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now),
)

export async function revokeSessionByTokenHash(db: Kysely<Database>, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
}

/**
 * Keeps a user's newest `keep` live sessions (the one just started among them) and ends the rest: the oldest go.
 * Returns how many were ended.
 */
export async function trimSessions(db: Kysely<Database>, userId: string, newest: string, keep: number, now: Date): Promise<number> {
  const kept = db
    .selectFrom('auth_sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '!=', newest)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(0, keep - 1))
  const result = await db
    .deleteFrom('auth_sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', newest)
    .where('id', 'not in', kept)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** 退出所有设备: every live session of the user ends now. Returns how many did. */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Sessions that can never be used again (expired or signed out) are dropped: run hourly. */
export async function purgeSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('auth_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('revoked_at', 'is not', null)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
