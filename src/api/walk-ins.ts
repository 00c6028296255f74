import type { Booking, BookingRequest, Quote } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { apiRequest, serverChecked } from './client'
import type { MemberDraft } from './members'
import { withSession } from './session'

// The desk orders for a resident without a smartphone, on the same 订餐 page residents use, which loads no zod:
// answers are read with `serverChecked`.

const base = (facilityId: string) => `/staff/facilities/${encodeURIComponent(facilityId)}`

export const fetchWalkIns = (facilityId: string): Promise<FamilyMember[]> =>
  withSession(async (token) => (await apiRequest(serverChecked<{ members: FamilyMember[] }>(), `${base(facilityId)}/walk-ins`, { token })).members)

export const addWalkIn = (facilityId: string, draft: MemberDraft): Promise<FamilyMember> =>
  withSession((token) => apiRequest(serverChecked<FamilyMember>(), `${base(facilityId)}/walk-ins`, { method: 'POST', body: draft, token }))

export const quoteWalkIn = (facilityId: string, request: BookingRequest): Promise<Quote> =>
  withSession((token) => apiRequest(serverChecked<Quote>(), `${base(facilityId)}/walk-in-bookings/quote`, { method: 'POST', body: request, token }))

export const bookWalkIn = (facilityId: string, request: BookingRequest, idempotencyKey: string): Promise<Booking> =>
  withSession((token) =>
    apiRequest(serverChecked<Booking>(), `${base(facilityId)}/walk-in-bookings`, {
      method: 'POST',
      body: request,
      token,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  )
