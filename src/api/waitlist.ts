import type { BookingRequest } from '@shared/booking'
import { type WaitlistEntry, waitlistEntrySchema, waitlistListSchema } from '@shared/waitlist'
import { apiRequest } from './client'
import { withSession } from './session'

export const joinWaitlist = (request: BookingRequest): Promise<WaitlistEntry> =>
  withSession((token) => apiRequest(waitlistEntrySchema, '/waitlist', { method: 'POST', body: request, token }))

export const fetchWaitlist = (): Promise<WaitlistEntry[]> =>
  withSession(async (token) => (await apiRequest(waitlistListSchema, '/waitlist', { token })).entries)

export const confirmWaitlistOffer = (id: string): Promise<WaitlistEntry> =>
  withSession((token) =>
    apiRequest(waitlistEntrySchema, `/waitlist/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: {}, token }),
  )

export const leaveWaitlist = (id: string): Promise<WaitlistEntry> =>
  withSession((token) => apiRequest(waitlistEntrySchema, `/waitlist/${encodeURIComponent(id)}`, { method: 'DELETE', token }))
