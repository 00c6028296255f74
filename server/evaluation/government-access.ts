import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { ForbiddenError } from '../http/errors'

export interface GovernmentAccess {
  /** The district whose evaluation the user reads. */
  districtId: string
  /** Whether the user publishes the district's qualified-operator list. */
  canPublish: boolean
}

/**
 * What a government user may do with the evaluation: a district binding reads and publishes its district's; a
 * street binding reads its district's (street offices receive the district's bulletin) and publishes nothing.
 */
export async function governmentAccess(db: Kysely<Database>, user: UserRow): Promise<GovernmentAccess> {
  if (user.role !== 'government_staff') throw new ForbiddenError('仅限街道和区级工作人员使用')
  const bindings = await db
    .selectFrom('staff_bindings as b')
    .leftJoin('streets as s', (join) => join.onRef('s.id', '=', 'b.scope_id').on('b.scope_kind', '=', 'street'))
    .select(['b.scope_kind', 'b.scope_id', 's.district_id'])
    .where('b.user_id', '=', user.id)
    .where('b.scope_kind', 'in', ['district', 'street'])
    .execute()
  const district = bindings.find((b) => b.scope_kind === 'district')
  if (district) return { districtId: district.scope_id, canPublish: true }
  const street = bindings.find((b) => b.district_id)
  if (street?.district_id) return { districtId: street.district_id, canPublish: false }
  throw new ForbiddenError('您还没有绑定街道或区')
}

/** The district a government user may read, or — with `publish` — publish for; refused with why otherwise. */
export async function governmentDistrict(db: Kysely<Database>, user: UserRow, need: 'read' | 'publish' = 'read'): Promise<string> {
  const access = await governmentAccess(db, user)
  if (need === 'publish' && !access.canPublish) throw new ForbiddenError('合格运营商名单由区级工作人员发布')
  return access.districtId
}
