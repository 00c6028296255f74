import type { StaffBinding, StaffList } from '@shared/admin'
import type { Kysely } from 'kysely'
import { setUserRole } from '../auth/user.repository'
import type { Database } from '../db/schema'
import { DomainError, InvalidInputError } from '../http/errors'
import { insertBinding } from '../staff/staff-binding.repository'
import { recordAudit } from './audit'
import type { Actor } from './facility-admin.service'

// District staff grant and revoke staff bindings in the app (the CLI stays for the very first district account).
// Access is decided per request from the bindings, so a revoked clerk is refused at the next tap.

async function scopesOf(db: Kysely<Database>, districtId: string): Promise<StaffList['scopes']> {
  const [district, streets, operators] = await Promise.all([
    db.selectFrom('districts').select(['id', 'name']).where('id', '=', districtId).execute(),
    db.selectFrom('streets').select(['id', 'name']).where('district_id', '=', districtId).orderBy('id').execute(),
    db.selectFrom('operators').select(['id', 'name']).orderBy('id').execute(),
  ])
  return [
    ...district.map((d) => ({ kind: 'district' as const, ...d })),
    ...streets.map((s) => ({ kind: 'street' as const, ...s })),
    ...operators.map((o) => ({ kind: 'operator' as const, ...o })),
  ]
}

export async function listStaff(db: Kysely<Database>, districtId: string): Promise<StaffList> {
  const scopes = await scopesOf(db, districtId)
  const rows = await db
    .selectFrom('staff_bindings as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .select(['b.user_id', 'b.scope_kind', 'b.scope_id', 'b.granted_by', 'b.granted_at', 'u.nickname'])
    .orderBy('b.granted_at')
    .execute()
  const staff = rows.flatMap((r) => {
    const scope = scopes.find((s) => s.kind === r.scope_kind && s.id === r.scope_id)
    if (!scope) return []
    return [{ userId: r.user_id, scopeKind: r.scope_kind, scopeId: r.scope_id, scopeName: scope.name, nickname: r.nickname, grantedBy: r.granted_by, grantedAt: r.granted_at }]
  })
  return { staff, scopes }
}

async function assertScope(db: Kysely<Database>, districtId: string, binding: StaffBinding): Promise<void> {
  const scopes = await scopesOf(db, districtId)
  if (!scopes.some((s) => s.kind === binding.scopeKind && s.id === binding.scopeId)) {
    throw new InvalidInputError('scopeId', '不在本区的范围内')
  }
}

/** The role follows the bindings: government staff if any street or district binding is left, else operator staff, else a resident. */
async function settleRole(trx: Kysely<Database>, userId: string): Promise<void> {
  const kinds = (await trx.selectFrom('staff_bindings').select('scope_kind').where('user_id', '=', userId).execute()).map((b) => b.scope_kind)
  const role = kinds.some((k) => k !== 'operator') ? 'government_staff' : kinds.length > 0 ? 'operator_staff' : 'resident'
  await setUserRole(trx, userId, role)
}

export async function grantBinding(db: Kysely<Database>, actor: Actor, binding: StaffBinding, now: Date): Promise<StaffList> {
  await assertScope(db, actor.scope.districtId, binding)
  const user = await db.selectFrom('users').select('id').where('id', '=', binding.userId).executeTakeFirst()
  if (!user) throw new InvalidInputError('userId', '没有这个账号：请对方先登录一次，在「我的」里查看账号编号')
  await db.transaction().execute(async (trx) => {
    await insertBinding(trx, { userId: binding.userId, scopeKind: binding.scopeKind, scopeId: binding.scopeId, grantedBy: actor.userId, now })
    await settleRole(trx, binding.userId)
    await recordAudit(trx, { ...auditOf(actor, binding), action: 'grant', before: null, after: binding }, now)
  })
  return listStaff(db, actor.scope.districtId)
}

export async function revokeBinding(db: Kysely<Database>, actor: Actor, binding: StaffBinding, now: Date): Promise<StaffList> {
  await assertScope(db, actor.scope.districtId, binding)
  // Nobody locks the district out by accident: a district clerk's own district binding is revoked by another.
  if (binding.userId === actor.userId && binding.scopeKind === 'district') {
    throw new DomainError('not_applicable', '不能撤销自己的区级权限，请由另一位区级工作人员操作')
  }
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('staff_bindings')
      .where('user_id', '=', binding.userId)
      .where('scope_kind', '=', binding.scopeKind)
      .where('scope_id', '=', binding.scopeId)
      .executeTakeFirst()
    if (removed.numDeletedRows === 0n) throw new DomainError('not_found', '这个账号没有这项授权')
    await settleRole(trx, binding.userId)
    await recordAudit(trx, { ...auditOf(actor, binding), action: 'revoke', before: binding, after: null }, now)
  })
  return listStaff(db, actor.scope.districtId)
}

const auditOf = (actor: Actor, binding: StaffBinding) => ({
  userId: actor.userId,
  districtId: actor.scope.districtId,
  entity: 'staff' as const,
  entityId: binding.userId,
})
