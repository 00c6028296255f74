import {
  type AdminFacility,
  type AdminOperator,
  type OperatorCreate,
  type OperatorEdit,
  adminOperatorListSchema,
  adminOperatorSchema,
  type AdminFacilityList,
  type AuditEntry,
  type FacilityCreate,
  type FacilityEdit,
  type StaffBinding,
  type StaffList,
  adminFacilityListSchema,
  staffListSchema,
  adminFacilitySchema,
  auditListSchema,
} from '@shared/admin'
import {
  type BookingRule,
  type CalendarDay,
  type DistrictRules,
  type DistrictRulesView,
  type EvaluationRules,
  type NoShowRule,
  type RatingRules,
  type SchoolBreakRule,
  type SubsidyTier,
  districtRulesSchema,
  districtRulesViewSchema,
} from '@shared/rules'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchAdminFacilities = (): Promise<AdminFacilityList> =>
  withSession((token) => apiRequest(adminFacilityListSchema, '/admin/facilities', { token }))

export const saveFacility = (id: string, edit: FacilityEdit): Promise<AdminFacility> =>
  withSession((token) => apiRequest(adminFacilitySchema, `/admin/facilities/${encodeURIComponent(id)}`, { method: 'PATCH', body: edit, token }))

export const createFacility = (facility: FacilityCreate): Promise<AdminFacility> =>
  withSession((token) => apiRequest(adminFacilitySchema, '/admin/facilities', { method: 'POST', body: facility, token }))

export const setFacilityRetired = (id: string, retired: boolean): Promise<AdminFacility> =>
  withSession((token) =>
    apiRequest(adminFacilitySchema, `/admin/facilities/${encodeURIComponent(id)}/${retired ? 'retire' : 'reopen'}`, { method: 'POST', body: {}, token }),
  )

export const fetchAudit = async (): Promise<AuditEntry[]> =>
  (await withSession((token) => apiRequest(auditListSchema, '/admin/audit', { token }))).entries

export const fetchStaff = (): Promise<StaffList> => withSession((token) => apiRequest(staffListSchema, '/admin/staff', { token }))

export const grantStaffBinding = (binding: StaffBinding): Promise<StaffList> =>
  withSession((token) => apiRequest(staffListSchema, '/admin/staff', { method: 'POST', body: binding, token }))

export const revokeStaffBinding = (binding: StaffBinding): Promise<StaffList> =>
  withSession((token) => apiRequest(staffListSchema, '/admin/staff/revoke', { method: 'POST', body: binding, token }))

export const fetchRules = (): Promise<DistrictRulesView> => withSession((token) => apiRequest(districtRulesViewSchema, '/admin/rules', { token }))

export const saveRatingRules = (rules: RatingRules): Promise<DistrictRules> =>
  withSession((token) => apiRequest(districtRulesSchema, '/admin/rules/rating', { method: 'PUT', body: rules, token }))

export const saveNoShowRule = (fn: string, rule: NoShowRule): Promise<DistrictRules> =>
  withSession((token) => apiRequest(districtRulesSchema, `/admin/rules/no-show/${encodeURIComponent(fn)}`, { method: 'PUT', body: rule, token }))

export const saveSubsidyTiers = (tiers: SubsidyTier[]): Promise<DistrictRules> =>
  withSession((token) => apiRequest(districtRulesSchema, '/admin/rules/subsidy-tiers', { method: 'PUT', body: { tiers }, token }))

export const saveCalendarYear = (year: string, days: CalendarDay[]): Promise<DistrictRules> =>
  withSession((token) => apiRequest(districtRulesSchema, `/admin/rules/calendar/${year}`, { method: 'PUT', body: { days }, token }))

export const saveEvaluationRules = (rules: EvaluationRules): Promise<DistrictRules> =>
  withSession((token) => apiRequest(districtRulesSchema, '/admin/rules/evaluation', { method: 'PUT', body: rules, token }))

export const saveBookingRule = (facilityId: string, fn: string, rule: BookingRule): Promise<DistrictRules> =>
  withSession((token) =>
    apiRequest(districtRulesSchema, `/admin/rules/booking/${encodeURIComponent(facilityId)}/${encodeURIComponent(fn)}`, { method: 'PUT', body: rule, token }),
  )

export const fetchOperators = () => withSession((token) => apiRequest(adminOperatorListSchema, '/admin/operators', { token }))

export const saveOperator = (id: string, edit: OperatorEdit): Promise<AdminOperator> =>
  withSession((token) => apiRequest(adminOperatorSchema, `/admin/operators/${encodeURIComponent(id)}`, { method: 'PATCH', body: edit, token }))

export const addOperator = (operator: OperatorCreate): Promise<AdminOperator> =>
  withSession((token) => apiRequest(adminOperatorSchema, '/admin/operators', { method: 'POST', body: operator, token }))

export const saveSchoolBreaks = (breaks: SchoolBreakRule[]): Promise<DistrictRules> =>
  withSession((token) => apiRequest(districtRulesSchema, '/admin/rules/school-breaks', { method: 'PUT', body: { breaks }, token }))
