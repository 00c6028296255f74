import { toShanghaiIso } from '../time/shanghai'
import type { LoginResult, Role, User } from '@shared/auth'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { UnauthorizedError } from '../http/errors'
import { findUserByTokenHash, insertSession, revokeSessionByTokenHash, revokeUserSessions, trimSessions } from './session.repository'
import { hashToken, newToken } from './token'
import { setUserRole, upsertUserByOpenid } from './user.repository'
import { code2Session, type WechatSettings } from './wechat.client'

const DAY_MS = 86_400_000

export interface SessionPolicy {
  ttlDays: number
  /** Live sessions per user; a new one ends the oldest beyond it. */
  perUser: number
}

export async function loginWithWechat(
  db: Kysely<Database>,
  wechat: WechatSettings,
  policy: SessionPolicy,
  code: string,
  now: Date,
): Promise<LoginResult> {
  const session = await code2Session(wechat, code)
  const user = await upsertUserByOpenid(db, session.openid, now)
  return startSession(db, policy, user, session.sessionKey, now)
}

/** Development identities for the H5 demo and tests; the route exists only with AUTH_DEV_LOGIN=1. */
export async function loginForDevelopment(
  db: Kysely<Database>,
  policy: SessionPolicy,
  openid: string,
  role: Role | undefined,
  now: Date,
): Promise<LoginResult> {
  let user = await upsertUserByOpenid(db, `dev:${openid}`, now)
  if (role && role !== user.role) {
    await setUserRole(db, user.id, role)
    user = { ...user, role }
  }
  return startSession(db, policy, user, null, now)
}

async function startSession(
  db: Kysely<Database>,
  policy: SessionPolicy,
  user: UserRow,
  wechatSessionKey: string | null,
  now: Date,
): Promise<LoginResult> {
  const token = newToken()
  const expiresAt = new Date(now.getTime() + policy.ttlDays * DAY_MS)
  const id = await insertSession(db, { userId: user.id, tokenHash: hashToken(token), wechatSessionKey, now, expiresAt })
  await trimSessions(db, user.id, id, policy.perUser, now)
  return { token, expiresAt: expiresAt.toISOString(), user: toUser(user) }
}

/** The user a bearer token belongs to, or 401. */
export async function authenticate(db: Kysely<Database>, authorization: string | undefined, now: Date): Promise<UserRow> {
  const token = bearerToken(authorization)
  if (!token) throw new UnauthorizedError()
  const user = await findUserByTokenHash(db, hashToken(token), now)
  if (!user) throw new UnauthorizedError('登录已过期，请重新登录')
  return user
}

export async function logout(db: Kysely<Database>, authorization: string | undefined, now: Date): Promise<void> {
  const token = bearerToken(authorization)
  if (token) await revokeSessionByTokenHash(db, hashToken(token), now)
}

/** 退出所有设备: ends every session of the user, the caller's own included. */
export async function logoutEverywhere(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  return revokeUserSessions(db, userId, now)
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(authorization ?? '')
  return match?.[1]
}

export function toUser(row: UserRow): User {
  return { id: row.id, role: row.role as Role, nickname: row.nickname, createdAt: toShanghaiIso(row.created_at) }
}
