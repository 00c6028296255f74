import {
  type AdminFacility,
  type AdminFacilityList,
  type AuditEntry,
  type FacilityEdit,
  adminFacilityListSchema,
  adminFacilitySchema,
  auditListSchema,
} from '@shared/admin'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchAdminFacilities = (): Promise<AdminFacilityList> =>
  withSession((token) => apiRequest(adminFacilityListSchema, '/admin/facilities', { token }))

export const saveFacility = (id: string, edit: FacilityEdit): Promise<AdminFacility> =>
  withSession((token) => apiRequest(adminFacilitySchema, `/admin/facilities/${encodeURIComponent(id)}`, { method: 'PATCH', body: edit, token }))

export const setFacilityRetired = (id: string, retired: boolean): Promise<AdminFacility> =>
  withSession((token) =>
    apiRequest(adminFacilitySchema, `/admin/facilities/${encodeURIComponent(id)}/${retired ? 'retire' : 'reopen'}`, { method: 'POST', body: {}, token }),
  )

export const fetchAudit = async (): Promise<AuditEntry[]> =>
  (await withSession((token) => apiRequest(auditListSchema, '/admin/audit', { token }))).entries
