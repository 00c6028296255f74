import { z } from 'zod'
import {
  closeDayResultSchema,
  type DeskAction,
  type DeskBooking,
  type MealTemplateEntry,
  mealTemplateSchema,
  publishResultSchema,
  reopenDayResultSchema,
  type Roster,
  type StaffFacility,
  type SuspensionList,
  deskBookingSchema,
  rosterSchema,
  staffFacilityListSchema,
  suspensionListSchema,
} from '@shared/staff'
import type { CareLevel } from '@shared/care'
import type { FunctionCode } from '@shared/functions'
import { type CareScheduleBody, type CareScheduleCode, type InfantRates, careSchedulesSchema, infantRatesSchema } from '@shared/schedule'
import { apiRequest } from './client'
import { withSession } from './session'

const base = (facilityId: string) => `/staff/facilities/${encodeURIComponent(facilityId)}`

export const fetchStaffFacilities = (): Promise<StaffFacility[]> =>
  withSession(async (token) => (await apiRequest(staffFacilityListSchema, '/staff/facilities', { token })).facilities)

export const fetchRoster = (facilityId: string, fn: FunctionCode, date: string): Promise<Roster> =>
  withSession((token) => apiRequest(rosterSchema, `${base(facilityId)}/roster`, { query: { function: fn, date }, token }))

export const findByCode = (facilityId: string, code: string): Promise<DeskBooking> =>
  withSession((token) => apiRequest(deskBookingSchema, `${base(facilityId)}/bookings`, { query: { code }, token }))

export const actOnBooking = (facilityId: string, bookingId: string, action: DeskAction): Promise<DeskBooking> =>
  withSession((token) =>
    apiRequest(deskBookingSchema, `${base(facilityId)}/bookings/${encodeURIComponent(bookingId)}/${action}`, {
      method: 'POST',
      body: {},
      token,
    }),
  )

/** 撤销: takes back a no-show or completion entered by mistake, on the day. */
export const undoAtDesk = (facilityId: string, bookingId: string): Promise<DeskBooking> =>
  withSession((token) =>
    apiRequest(deskBookingSchema, `${base(facilityId)}/bookings/${encodeURIComponent(bookingId)}/undo`, { method: 'POST', body: {}, token }),
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

export const reopenFacilityDay = (facilityId: string, fn: FunctionCode, date: string) =>
  withSession((token) => apiRequest(reopenDayResultSchema, `${base(facilityId)}/reopen`, { method: 'POST', body: { function: fn, date }, token }))

// The desk books for residents without a smartphone (walk-ins kept by the facility).
export const fetchSuspensions = (facilityId: string): Promise<SuspensionList['suspensions']> =>
  withSession(async (token) => (await apiRequest(suspensionListSchema, `${base(facilityId)}/suspensions`, { token })).suspensions)

export const liftSuspension = (facilityId: string, id: string): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(z.object({ lifted: z.boolean() }), `${base(facilityId)}/suspensions/${encodeURIComponent(id)}/lift`, {
      method: 'POST',
      body: {},
      token,
    })
  })

export const fetchMealTemplate = (facilityId: string) =>
  withSession(async (token) => (await apiRequest(mealTemplateSchema, `${base(facilityId)}/meal-template`, { token })).entries)

export const saveMealTemplateEntry = (facilityId: string, weekday: number, part: string, entry: MealTemplateEntry) =>
  withSession(async (token) =>
    (await apiRequest(mealTemplateSchema, `${base(facilityId)}/meal-template/${weekday}/${part}`, { method: 'PUT', body: entry, token }))
      .entries,
  )

export const publishMealDays = (facilityId: string, from: string, to: string): Promise<number> =>
  withSession(async (token) =>
    (await apiRequest(publishResultSchema, `${base(facilityId)}/meal-template/publish`, { method: 'POST', body: { from, to }, token }))
      .created,
  )

export const recordCareLevel = (facilityId: string, bookingId: string, level: CareLevel): Promise<number> =>
  withSession(async (token) =>
    (
      await apiRequest(z.object({ confirmed: z.number() }), `${base(facilityId)}/bookings/${encodeURIComponent(bookingId)}/care-level`, {
        method: 'POST',
        body: { level },
        token,
      })
    ).confirmed,
  )

export const fetchCareSchedules = (facilityId: string) =>
  withSession(async (token) => (await apiRequest(careSchedulesSchema, `${base(facilityId)}/care-schedules`, { token })).schedules)

export const saveCareSchedule = (facilityId: string, code: CareScheduleCode, body: CareScheduleBody) =>
  withSession(async (token) =>
    (await apiRequest(careSchedulesSchema, `${base(facilityId)}/care-schedules/${code}`, { method: 'PUT', body, token })).schedules,
  )

export const fetchInfantRates = (facilityId: string) =>
  withSession(async (token) => (await apiRequest(infantRatesSchema, `${base(facilityId)}/infant-rates`, { token })).rates)

export const saveInfantRates = (facilityId: string, rates: InfantRates['rates']) =>
  withSession(async (token) => (await apiRequest(infantRatesSchema, `${base(facilityId)}/infant-rates`, { method: 'PUT', body: { rates }, token })).rates)
