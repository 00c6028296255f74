import type { Notice } from '@shared/notice'
import { apiRequest, serverChecked } from './client'
import { withSession } from './session'

// The 预约 tab calls these (WeChat main package): answers are read with `serverChecked`.

export const fetchNotices = (): Promise<{ notices: Notice[]; unread: number }> =>
  withSession((token) => apiRequest(serverChecked<{ notices: Notice[]; unread: number }>(), '/me/notices', { token }))

export const markNoticeRead = (id: string): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(serverChecked<{ read: boolean }>(), `/me/notices/${encodeURIComponent(id)}/read`, { method: 'POST', body: {}, token })
  })

/** 全部已读. */
export const markAllNoticesRead = (): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(serverChecked<{ read: number }>(), '/me/notices/read-all', { method: 'POST', body: {}, token })
  })
