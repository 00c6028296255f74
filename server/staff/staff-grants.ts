import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { setUserRole } from '../auth/user.repository'
import { type ScopeKind, insertBinding } from './staff-binding.repository'

export interface Grant {
  /** A user id, or an openid (a development identity is `dev:<openid>`). */
  user: string
  scopeKind: ScopeKind
  scopeId: string
  grantedBy: string
}

/**
 * Makes a user staff of an operator, a street office or a district. Only an administrator runs this
 * (scripts/admin.ts); no API lets a user grant it to themself. The role follows the binding.
 */
export async function grantStaff(db: Kysely<Database>, grant: Grant, now: Date): Promise<{ userId: string }> {
  const user = await db
    .selectFrom('users')
    .select(['id'])
    .where((eb) => eb.or([eb('id', '=', grant.user), eb('openid', '=', grant.user)]))
    .executeTakeFirst()
  if (!user) throw new Error(`no user ${grant.user}: they must sign in once first`)
  const table = grant.scopeKind === 'operator' ? 'operators' : grant.scopeKind === 'street' ? 'streets' : 'districts'
  const scope = await db.selectFrom(table).select('id').where('id', '=', grant.scopeId).executeTakeFirst()
  if (!scope) throw new Error(`no ${grant.scopeKind} ${grant.scopeId}`)
  await db.transaction().execute(async (trx) => {
    await setUserRole(trx, user.id, grant.scopeKind === 'operator' ? 'operator_staff' : 'government_staff')
    await insertBinding(trx, { userId: user.id, scopeKind: grant.scopeKind, scopeId: grant.scopeId, grantedBy: grant.grantedBy, now })
  })
  return { userId: user.id }
}
