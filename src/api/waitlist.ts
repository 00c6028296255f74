import type { WaitlistEntry } from '@shared/waitlist'
import { apiRequest, serverChecked } from './client'
import { withSession } from './session'

// The 预约 tab calls these (WeChat main package): answers are read with `serverChecked`. Joining is in booking.ts.

const entry = serverChecked<WaitlistEntry>()

export const fetchWaitlist = (): Promise<WaitlistEntry[]> =>
  withSession(async (token) => (await apiRequest(serverChecked<{ entries: WaitlistEntry[] }>(), '/waitlist', { token })).entries)

export const confirmWaitlistOffer = (id: string): Promise<WaitlistEntry> =>
  withSession((token) => apiRequest(entry, `/waitlist/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: {}, token }))

export const leaveWaitlist = (id: string): Promise<WaitlistEntry> =>
  withSession((token) => apiRequest(entry, `/waitlist/${encodeURIComponent(id)}`, { method: 'DELETE', token }))
