import { bookingRatingParamsSchema, ratingRequestSchema, ratingSchema, ratingSummarySchema } from '@shared/rating'
import { idSchema } from '@shared/common'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { facilityRatingSummary, getMyRating, rateBooking } from './rating.service'

export async function ratingRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const

  app.post(
    '/bookings/:id/rating',
    { config: resident, schema: { params: bookingRatingParamsSchema, body: ratingRequestSchema, response: { 201: ratingSchema } } },
    async (request, reply) => {
      const rating = await rateBooking(db, callerOf(request).user, request.params.id, request.body, app.now())
      return reply.code(201).send(rating)
    },
  )

  app.get(
    '/bookings/:id/rating',
    { config: resident, schema: { params: bookingRatingParamsSchema, response: { 200: ratingSchema } } },
    async (request) => getMyRating(db, callerOf(request).user, request.params.id),
  )

  app.get(
    '/facilities/:id/ratings',
    { config: { access: 'public' }, schema: { params: z.strictObject({ id: idSchema }), response: { 200: ratingSummarySchema } } },
    async (request) => facilityRatingSummary(db, request.params.id),
  )
}
