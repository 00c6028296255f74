import type { StaffAccess } from '@shared/staff'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { ForbiddenError } from '../http/errors'
import { findStaffFacilities } from '../staff/staff-binding.repository'

/**
 * Who may call a route, declared with the route (`config: { access }`) and decided here, before its input is
 * read. A facility-scoped rule names the route parameter that holds the facility's id.
 * - `public`: anyone, signed in or not;
 * - `resident`: anyone signed in (staff book for their own families too); what is theirs is decided by the
 *   service (another family's booking is 404);
 * - `staff`: operator staff or government staff, whatever they are bound to;
 * - `{ operate }`: operator staff bound to the facility's operator;
 * - `{ oversee }`: those, or street / district staff whose street or district the facility is in;
 * - `government`: street or district staff (the evaluation of their district);
 * - `district`: district staff only (publishing the qualified-operator list, the district's operators).
 */
export type Access =
  | 'public'
  | 'resident'
  | 'staff'
  | 'government'
  | 'district'
  | { operate: string }
  | { oversee: string }

/** The signed-in caller and what the policy found out deciding: the district, the access to the facility. */
export interface Caller {
  user: UserRow
  /** `government` and `district` routes: the district whose data the caller reads. */
  districtId?: string
  /** `government` routes: whether the caller is district staff, who publish the district's lists. */
  canPublish?: boolean
  /**
   * `government` routes read by street staff: the streets whose facilities they watch (a street office sees its
   * own facilities, ranked as in the district); undefined for district staff, who see the whole district.
   */
  streetIds?: string[]
  /** Facility-scoped routes: how the caller is bound to the facility. */
  facilityAccess?: StaffAccess
}

const STAFF_ROLES = new Set(['operator_staff', 'government_staff'])

/** Whether a route with this access needs a signed-in caller at all. */
export const needsCaller = (access: Access): boolean => access !== 'public'

/**
 * What the signed-in `user` may do under `access`, or a 403 that says why in words a clerk understands.
 * Residents are refused before anything is looked up; staff of another facility learn only that it is not
 * theirs.
 */
export async function decideAccess(
  db: Kysely<Database>,
  user: UserRow,
  access: Access,
  params: Record<string, unknown>,
): Promise<Caller> {
  if (access === 'public' || access === 'resident') return { user }
  if (access === 'government' || access === 'district') {
    const government = await governmentAccess(db, user)
    if (access === 'district' && !government.canPublish) throw new ForbiddenError('这项操作由区级工作人员完成（例如发布合格运营商名单、管理运营方）')
    return { user, ...government }
  }
  if (!STAFF_ROLES.has(user.role)) throw new ForbiddenError('仅限设施或街道工作人员使用')
  if (access === 'staff') return { user }
  const need: StaffAccess = 'operate' in access ? 'operate' : 'oversee'
  const param = 'operate' in access ? access.operate : access.oversee
  const facilityId = params[param]
  const facility =
    typeof facilityId === 'string' ? (await findStaffFacilities(db, user.id)).find((f) => f.id === facilityId) : undefined
  if (!facility) throw new ForbiddenError('您不是这个设施的工作人员')
  if (need === 'operate' && facility.access !== 'operate') throw new ForbiddenError('这项操作由设施运营方完成')
  return { user, facilityAccess: facility.access }
}

/**
 * The district a government user reads: from a district binding (district staff, who also publish the district's
 * lists), or a street binding's district (street offices receive the district's bulletin and publish nothing).
 */
async function governmentAccess(
  db: Kysely<Database>,
  user: UserRow,
): Promise<{ districtId: string; canPublish: boolean; streetIds?: string[] }> {
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
  if (street?.district_id) {
    const streetIds = bindings.filter((b) => b.district_id === street.district_id).map((b) => b.scope_id)
    return { districtId: street.district_id, canPublish: false, streetIds }
  }
  throw new ForbiddenError('您还没有绑定街道或区')
}
