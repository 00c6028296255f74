import type { Booking, BookingRequest, Quote, SessionList } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { WaitlistEntry } from '@shared/waitlist'
import { apiRequest, serverChecked } from './client'
import { withSession } from './session'

// One booking, from its sessions and quote (or the waitlist when it is full) to cancelling it. The booking pages,
// opened from a shared link on a slow phone, load no zod: answers are read with `serverChecked` (the server sends
// them through the contract's schemas). The 预约 tab's list is in bookings.ts, its waitlist calls in waitlist.ts.

const booking = serverChecked<Booking>()

export const fetchSessions = (facilityId: string, fn: FunctionCode): Promise<SessionList> =>
  apiRequest(serverChecked<SessionList>(), `/facilities/${encodeURIComponent(facilityId)}/sessions`, { query: { function: fn } })

export const quoteBooking = (request: BookingRequest): Promise<Quote> =>
  withSession((token) => apiRequest(serverChecked<Quote>(), '/bookings/quote', { method: 'POST', body: request, token }))

/** `idempotencyKey` stays the same for every retry of one tap on 确认预约, so a retry never books twice. */
export const placeBooking = (request: BookingRequest, idempotencyKey: string): Promise<Booking> =>
  withSession((token) =>
    apiRequest(booking, '/bookings', {
      method: 'POST',
      body: request,
      token,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  )

export const fetchBooking = (id: string): Promise<Booking> =>
  withSession((token) => apiRequest(booking, `/bookings/${encodeURIComponent(id)}`, { token }))

/** 取消其中一天 of a run; the answer is the booking with the rest of its days. */
export const cancelBookingDay = (id: string, date: string): Promise<Booking> =>
  withSession((token) =>
    apiRequest(booking, `/bookings/${encodeURIComponent(id)}/days/${encodeURIComponent(date)}/cancel`, { method: 'POST', body: {}, token }),
  )

export const cancelBooking = (id: string): Promise<Booking> =>
  withSession((token) => apiRequest(booking, `/bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {}, token }))

/** 候补: only when a place the request needs is taken. */
export const joinWaitlist = (request: BookingRequest): Promise<WaitlistEntry> =>
  withSession((token) => apiRequest(serverChecked<WaitlistEntry>(), '/waitlist', { method: 'POST', body: request, token }))
