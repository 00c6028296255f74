import type { StaffAccess } from '@shared/staff'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { ForbiddenError } from '../http/errors'
import { findStaffFacilities } from './staff-binding.repository'

const STAFF_ROLES = new Set(['operator_staff', 'government_staff'])

/**
 * What this user may do at this facility, or 403. Residents are refused before anything is looked up; staff of
 * another facility learn only that it is not theirs. `need: 'operate'` is for what only the operator does
 * (check-in, capacity, closing a day); overseeing (reading the roster) is open to both.
 */
export async function requireFacilityAccess(
  db: Kysely<Database>,
  user: UserRow,
  facilityId: string,
  need: StaffAccess,
): Promise<StaffAccess> {
  if (!STAFF_ROLES.has(user.role)) throw new ForbiddenError('仅限设施或街道工作人员使用')
  const facility = (await findStaffFacilities(db, user.id)).find((f) => f.id === facilityId)
  if (!facility) throw new ForbiddenError('您不是这个设施的工作人员')
  if (need === 'operate' && facility.access !== 'operate') throw new ForbiddenError('这项操作由设施运营方完成')
  return facility.access
}

export function requireStaffRole(user: UserRow): void {
  if (!STAFF_ROLES.has(user.role)) throw new ForbiddenError('仅限设施或街道工作人员使用')
}
