import { z } from 'zod'
import {
  closeDayResultSchema,
  type DeskBooking,
  type Roster,
  type StaffFacility,
  deskBookingSchema,
  rosterSchema,
  staffFacilityListSchema,
} from '@shared/staff'
import type { FunctionCode } from '@shared/functions'
import { apiRequest } from './client'
import { withSession } from './session'

const base = (facilityId: string) => `/staff/facilities/${encodeURIComponent(facilityId)}`

export const fetchStaffFacilities = (): Promise<StaffFacility[]> =>
  withSession(async (token) => (await apiRequest(staffFacilityListSchema, '/staff/facilities', { token })).facilities)

export const fetchRoster = (facilityId: string, fn: FunctionCode, date: string): Promise<Roster> =>
  withSession((token) => apiRequest(rosterSchema, `${base(facilityId)}/roster`, { query: { function: fn, date }, token }))

export const findByCode = (facilityId: string, code: string): Promise<DeskBooking> =>
  withSession((token) => apiRequest(deskBookingSchema, `${base(facilityId)}/bookings`, { query: { code }, token }))

export type DeskAction = 'check-in' | 'complete' | 'no-show'

export const actOnBooking = (facilityId: string, bookingId: string, action: DeskAction): Promise<DeskBooking> =>
  withSession((token) =>
    apiRequest(deskBookingSchema, `${base(facilityId)}/bookings/${encodeURIComponent(bookingId)}/${action}`, {
      method: 'POST',
      body: {},
      token,
    }),
  )

export const changeSessionCapacity = (facilityId: string, sessionId: string, capacity: number) =>
  withSession((token) =>
    apiRequest(z.object({ capacity: z.number(), booked: z.number() }), `${base(facilityId)}/sessions/${encodeURIComponent(sessionId)}`, {
      method: 'PATCH',
      body: { capacity },
      token,
    }),
  )

export const closeFacilityDay = (facilityId: string, fn: FunctionCode, date: string, reason: string) =>
  withSession((token) =>
    apiRequest(closeDayResultSchema, `${base(facilityId)}/close`, { method: 'POST', body: { function: fn, date, reason }, token }),
  )
