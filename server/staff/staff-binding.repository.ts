import type { StaffAccess, StaffFacility } from '@shared/staff'
import type { Kysely } from 'kysely'
import type { Database, StaffBindingTable } from '../db/schema'
import { withFunctions } from '../facilities/facility.repository'

export type ScopeKind = StaffBindingTable['scope_kind']

export async function insertBinding(
  db: Kysely<Database>,
  binding: { userId: string; scopeKind: ScopeKind; scopeId: string; grantedBy: string; now: Date },
): Promise<void> {
  await db
    .insertInto('staff_bindings')
    .values({
      user_id: binding.userId,
      scope_kind: binding.scopeKind,
      scope_id: binding.scopeId,
      granted_by: binding.grantedBy,
      granted_at: binding.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'scope_kind', 'scope_id']).doNothing())
    .execute()
}

/**
 * The facilities a user may act for, with how: an operator binding runs the operator's facilities; a street or
 * district binding oversees the facilities there. Where both apply, running wins.
 */
export async function findStaffFacilities(db: Kysely<Database>, userId: string): Promise<StaffFacility[]> {
  const rows = await db
    .selectFrom('staff_bindings as b')
    .innerJoin('facilities as f', (join) => join.onTrue())
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .select(['f.id', 'f.name', 'b.scope_kind'])
    .where('b.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb.and([eb('b.scope_kind', '=', 'operator'), eb('b.scope_id', '=', eb.ref('f.operator_id'))]),
        eb.and([eb('b.scope_kind', '=', 'street'), eb('b.scope_id', '=', eb.ref('s.id'))]),
        eb.and([eb('b.scope_kind', '=', 'district'), eb('b.scope_id', '=', eb.ref('s.district_id'))]),
      ]),
    )
    .orderBy('f.id')
    .execute()
  const byId = new Map<string, StaffFacility>()
  for (const row of await withFunctions(db, rows)) {
    const access: StaffAccess = row.scope_kind === 'operator' ? 'operate' : 'oversee'
    if (byId.get(row.id)?.access === 'operate') continue
    byId.set(row.id, { id: row.id, name: row.name, functions: row.functions, access })
  }
  return [...byId.values()]
}
