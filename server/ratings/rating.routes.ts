import { bookingRatingParamsSchema, ratingRequestSchema, ratingSchema, ratingSummarySchema } from '@shared/rating'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { authenticate } from '../auth/auth.service'
import { facilityRatingSummary, getMyRating, rateBooking } from './rating.service'

export async function ratingRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const caller = (authorization: string | undefined) => authenticate(db, authorization)

  app.post(
    '/bookings/:id/rating',
    { schema: { params: bookingRatingParamsSchema, body: ratingRequestSchema, response: { 201: ratingSchema } } },
    async (request, reply) => {
      const rating = await rateBooking(db, await caller(request.headers.authorization), request.params.id, request.body, app.now())
      return reply.code(201).send(rating)
    },
  )

  app.get(
    '/bookings/:id/rating',
    { schema: { params: bookingRatingParamsSchema, response: { 200: ratingSchema } } },
    async (request) => getMyRating(db, await caller(request.headers.authorization), request.params.id),
  )

  app.get(
    '/facilities/:id/ratings',
    { schema: { params: z.strictObject({ id: z.string().min(1).max(64) }), response: { 200: ratingSummarySchema } } },
    async (request) => facilityRatingSummary(db, request.params.id),
  )
}
