import {
  type ActivityFunction,
  type ActivityInput,
  type ActivityList,
  type StaffActivity,
  activityListSchema,
  staffActivityListSchema,
  staffActivitySchema,
  withdrawActivityResultSchema,
} from '@shared/activity'
import { apiRequest } from './client'
import { withSession } from './session'

// Activities: read on subpackage pages (parsed with the contract's schemas); signing up is POST /bookings (booking.ts).

export const fetchActivities = (facilityId: string, fn?: ActivityFunction): Promise<ActivityList> =>
  apiRequest(activityListSchema, `/facilities/${encodeURIComponent(facilityId)}/activities`, { query: { function: fn } })

const staffPath = (facilityId: string) => `/staff/facilities/${encodeURIComponent(facilityId)}/activities`

export const fetchStaffActivities = (facilityId: string): Promise<StaffActivity[]> =>
  withSession(async (token) => (await apiRequest(staffActivityListSchema, staffPath(facilityId), { token })).activities)

export const publishActivity = (facilityId: string, input: ActivityInput): Promise<StaffActivity> =>
  withSession((token) => apiRequest(staffActivitySchema, staffPath(facilityId), { method: 'POST', body: input, token }))

export const withdrawActivity = (facilityId: string, activityId: string, reason: string): Promise<{ cancelled: number }> =>
  withSession((token) =>
    apiRequest(withdrawActivityResultSchema, `${staffPath(facilityId)}/${encodeURIComponent(activityId)}/withdraw`, { method: 'POST', body: { reason }, token }),
  )
