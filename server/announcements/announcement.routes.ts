import {
  announcementCreateSchema,
  announcementIdParamsSchema,
  announcementListSchema,
  communityListSchema,
  myAnnouncementsSchema,
  myCommunitySchema,
} from '@shared/announcement'
import type { AppInstance } from '../app-instance'
import { callerOf, governedOf } from '../http/access-hook'
import {
  listCommunities,
  listGovernedAnnouncements,
  markRead,
  myAnnouncements,
  publishAnnouncement,
  setMyCommunity,
  withdrawAnnouncement,
} from './announcement.service'

/** 公告: published by the district or a street office, shown on residents' first screen until read. */
export async function announcementRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const open = { access: 'public' } as const
  const resident = { access: 'resident' } as const
  const government = { access: 'government' } as const

  app.get('/communities', { config: open, schema: { response: { 200: communityListSchema } } }, async () => ({ communities: await listCommunities(db) }))
  app.get('/me/announcements', { config: resident, schema: { response: { 200: myAnnouncementsSchema } } }, async (request) =>
    myAnnouncements(db, callerOf(request).user, app.now()),
  )
  app.put('/me/community', { config: resident, schema: { body: myCommunitySchema, response: { 200: myAnnouncementsSchema } } }, async (request) =>
    setMyCommunity(db, callerOf(request).user, request.body.communityId, app.now()),
  )
  app.post('/announcements/:id/read', { config: resident, schema: { params: announcementIdParamsSchema, response: { 200: myAnnouncementsSchema } } }, async (request) => {
    await markRead(db, callerOf(request).user, request.params.id, app.now())
    // What is left to read: the first screen shows it at once.
    return myAnnouncements(db, callerOf(request).user, app.now())
  })
  app.get('/admin/announcements', { config: government, schema: { response: { 200: announcementListSchema } } }, async (request) => ({
    items: await listGovernedAnnouncements(db, governedOf(request)),
  }))
  app.post(
    '/admin/announcements/:id/withdraw',
    { config: government, schema: { params: announcementIdParamsSchema, response: { 200: announcementListSchema } } },
    async (request) => ({ items: await withdrawAnnouncement(db, governedOf(request), request.params.id, app.now()) }),
  )
  app.post('/admin/announcements', { config: government, schema: { body: announcementCreateSchema, response: { 201: announcementListSchema } } }, async (request, reply) =>
    reply.code(201).send({ items: await publishAnnouncement(db, governedOf(request), callerOf(request).user.id, request.body, app.now()) }),
  )
}
