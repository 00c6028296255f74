import { randomUUID } from 'node:crypto'
import type { Role } from '@shared/auth'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'

/** The user with this openid, created as a resident on first sight; safe when two logins race. */
export async function upsertUserByOpenid(db: Kysely<Database>, openid: string, now: Date): Promise<UserRow> {
  await db
    .insertInto('users')
    .values({ id: randomUUID(), openid, role: 'resident', nickname: null, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('openid').doNothing())
    .execute()
  return db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow()
}

export async function setUserRole(db: Kysely<Database>, userId: string, role: Role): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', userId).execute()
}

export async function findUserByOpenid(db: Kysely<Database>, openid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirst()
}
