import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { ForbiddenError } from '../http/errors'

/**
 * The district whose evaluation a government user may read: from a district binding, or a street binding's
 * district (street offices receive the district's bulletin). `publish` needs a district binding.
 */
export async function governmentDistrict(db: Kysely<Database>, user: UserRow, need: 'read' | 'publish' = 'read'): Promise<string> {
  if (user.role !== 'government_staff') throw new ForbiddenError('仅限街道和区级工作人员使用')
  const bindings = await db
    .selectFrom('staff_bindings as b')
    .leftJoin('streets as s', (join) => join.onRef('s.id', '=', 'b.scope_id').on('b.scope_kind', '=', 'street'))
    .select(['b.scope_kind', 'b.scope_id', 's.district_id'])
    .where('b.user_id', '=', user.id)
    .where('b.scope_kind', 'in', ['district', 'street'])
    .execute()
  const district = bindings.find((b) => b.scope_kind === 'district')
  if (district) return district.scope_id
  const street = bindings.find((b) => b.district_id)
  if (street?.district_id && need === 'read') return street.district_id
  throw new ForbiddenError(need === 'publish' ? '合格运营商名单由区级工作人员发布' : '您还没有绑定街道或区')
}
