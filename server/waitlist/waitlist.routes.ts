import { bookingRequestSchema } from '@shared/booking'
import { waitlistEntrySchema, waitlistIdParamsSchema, waitlistListSchema } from '@shared/waitlist'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { confirmOffer, joinWaitlist, leaveWaitlist, listMyWaitlist } from './waitlist.service'

export async function waitlistRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const

  app.post(
    '/waitlist',
    { config: resident, schema: { body: bookingRequestSchema, response: { 201: waitlistEntrySchema } } },
    async (request, reply) => {
      const entry = await joinWaitlist(db, callerOf(request).user, request.body, app.now())
      return reply.code(201).send(entry)
    },
  )

  app.get('/waitlist', { config: resident, schema: { response: { 200: waitlistListSchema } } }, async (request) => ({
    entries: await listMyWaitlist(db, callerOf(request).user),
  }))

  app.post(
    '/waitlist/:id/confirm',
    { config: resident, schema: { params: waitlistIdParamsSchema, response: { 200: waitlistEntrySchema } } },
    async (request) => confirmOffer(db, callerOf(request).user, request.params.id, app.now()),
  )

  app.delete(
    '/waitlist/:id',
    { config: resident, schema: { params: waitlistIdParamsSchema, response: { 200: waitlistEntrySchema } } },
    async (request) => leaveWaitlist(db, callerOf(request).user, request.params.id, app.now()),
  )
}
