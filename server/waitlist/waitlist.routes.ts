import { bookingRequestSchema } from '@shared/booking'
import { waitlistEntrySchema, waitlistIdParamsSchema, waitlistListSchema } from '@shared/waitlist'
import type { AppInstance } from '../app-instance'
import { authenticate } from '../auth/auth.service'
import { confirmOffer, joinWaitlist, leaveWaitlist, listMyWaitlist } from './waitlist.service'

export async function waitlistRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const caller = (authorization: string | undefined) => authenticate(db, authorization)

  app.post(
    '/waitlist',
    { schema: { body: bookingRequestSchema, response: { 201: waitlistEntrySchema } } },
    async (request, reply) => {
      const entry = await joinWaitlist(db, await caller(request.headers.authorization), request.body, app.now())
      return reply.code(201).send(entry)
    },
  )

  app.get('/waitlist', { schema: { response: { 200: waitlistListSchema } } }, async (request) => ({
    entries: await listMyWaitlist(db, await caller(request.headers.authorization)),
  }))

  app.post(
    '/waitlist/:id/confirm',
    { schema: { params: waitlistIdParamsSchema, response: { 200: waitlistEntrySchema } } },
    async (request) => confirmOffer(db, await caller(request.headers.authorization), request.params.id, app.now()),
  )

  app.delete(
    '/waitlist/:id',
    { schema: { params: waitlistIdParamsSchema, response: { 200: waitlistEntrySchema } } },
    async (request) => leaveWaitlist(db, await caller(request.headers.authorization), request.params.id, app.now()),
  )
}
