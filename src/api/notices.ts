import { type Notice, noticeListSchema, noticeTemplatesSchema } from '@shared/notice'
import { z } from 'zod'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchNotices = (): Promise<{ notices: Notice[]; unread: number }> =>
  withSession((token) => apiRequest(noticeListSchema, '/me/notices', { token }))

export const markNoticeRead = (id: string): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(z.object({ read: z.boolean() }), `/me/notices/${encodeURIComponent(id)}/read`, { method: 'POST', body: {}, token })
  })

export const fetchNoticeTemplates = async (): Promise<string[]> =>
  (await apiRequest(noticeTemplatesSchema, '/notices/templates')).templateIds

/** 全部已读. */
export const markAllNoticesRead = (): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(z.object({ read: z.number() }), '/me/notices/read-all', { method: 'POST', body: {}, token })
  })
