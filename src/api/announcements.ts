import type { MyAnnouncements } from '@shared/announcement'
import { apiRequest, serverChecked } from './client'
import { withSession } from './session'

// Read on the first screen (WeChat main package): answers are read with `serverChecked`.

export const fetchMyAnnouncements = (): Promise<MyAnnouncements> =>
  withSession((token) => apiRequest(serverChecked<MyAnnouncements>(), '/me/announcements', { token }))

/** Read: what is left to read comes back. */
export const markAnnouncementRead = (id: string): Promise<MyAnnouncements> =>
  withSession((token) => apiRequest(serverChecked<MyAnnouncements>(), `/announcements/${encodeURIComponent(id)}/read`, { method: 'POST', token }))
