import { noticeIdParamsSchema, noticeListSchema, noticeTemplatesSchema } from '@shared/notice'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { NotFoundError } from '../http/errors'
import { listMyNotices, markAllRead, markRead } from './notice.repository'

export async function noticeRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely

  // The in-app message list (what the H5 build shows instead of WeChat subscribe messages).
  app.get('/me/notices', { config: { access: 'resident' }, schema: { response: { 200: noticeListSchema } } }, async (request) => {
    const notices = await listMyNotices(db, callerOf(request).user.id, app.now())
    return { notices, unread: notices.filter((n) => !n.read).length }
  })

  app.post(
    '/me/notices/:id/read',
    { config: { access: 'resident' }, schema: { params: noticeIdParamsSchema, response: { 200: z.object({ read: z.boolean() }) } } },
    async (request) => {
      if (!(await markRead(db, callerOf(request).user.id, request.params.id, app.now()))) throw new NotFoundError('没有找到这条消息')
      return { read: true }
    },
  )

  app.post(
    '/me/notices/read-all',
    { config: { access: 'resident' }, schema: { response: { 200: z.object({ read: z.number().int() }) } } },
    async (request) => ({ read: await markAllRead(db, callerOf(request).user.id, app.now()) }),
  )

  app.get('/notices/templates', { config: { access: 'public' }, schema: { response: { 200: noticeTemplatesSchema } } }, async () => ({
    templateIds: [app.config.WECHAT_TEMPLATE_BOOKED, app.config.WECHAT_TEMPLATE_REMINDER, app.config.WECHAT_TEMPLATE_CANCELLED].filter(
      Boolean,
    ),
  }))
}
