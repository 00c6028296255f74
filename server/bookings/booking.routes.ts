import {
  bookingIdParamsSchema,
  bookingListQuerySchema,
  bookingListSchema,
  bookingRequestSchema,
  bookingSchema,
  cancelBodySchema,
  bookingHeadersSchema,
  quoteSchema,
} from '@shared/booking'
import type { AppInstance } from '../app-instance'
import { authenticate } from '../auth/auth.service'
import { placeBooking, quoteBooking } from './booking.service'
import { cancelMyBooking, getMyBooking, listMyBookings } from './my-bookings.service'

export async function bookingRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const caller = (authorization: string | undefined) => authenticate(db, authorization)

  app.post(
    '/bookings/quote',
    { schema: { body: bookingRequestSchema, response: { 200: quoteSchema } } },
    async (request) => quoteBooking(db, await caller(request.headers.authorization), request.body, app.now()),
  )

  app.post(
    '/bookings',
    {
      schema: {
        headers: bookingHeadersSchema,
        body: bookingRequestSchema,
        response: { 200: bookingSchema, 201: bookingSchema },
      },
    },
    async (request, reply) => {
      const user = await caller(request.headers.authorization)
      const key = request.headers['idempotency-key']
      const { statusCode, booking } = await placeBooking(db, user, request.body, key, app.now())
      return reply.code(statusCode).send(booking)
    },
  )

  app.get(
    '/bookings',
    { schema: { querystring: bookingListQuerySchema, response: { 200: bookingListSchema } } },
    async (request) => ({
      bookings: await listMyBookings(db, await caller(request.headers.authorization), request.query.status, app.now()),
    }),
  )

  app.get(
    '/bookings/:id',
    { schema: { params: bookingIdParamsSchema, response: { 200: bookingSchema } } },
    async (request) => getMyBooking(db, await caller(request.headers.authorization), request.params.id, app.now()),
  )

  app.post(
    '/bookings/:id/cancel',
    { schema: { params: bookingIdParamsSchema, body: cancelBodySchema.nullish(), response: { 200: bookingSchema } } },
    async (request) =>
      cancelMyBooking(
        db,
        await caller(request.headers.authorization),
        request.params.id,
        request.body?.reason,
        app.now(),
      ),
  )
}
