import {
  bookingIdParamsSchema,
  bookingListQuerySchema,
  bookingListSchema,
  bookingRequestSchema,
  bookingSchema,
  bookingDayParamsSchema,
  cancelBodySchema,
  bookingHeadersSchema,
  quoteSchema,
} from '@shared/booking'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { placeBooking, quoteBooking } from './booking.service'
import { cancelMyBookingDay } from './cancel-day.service'
import { cancelMyBooking, getMyBooking, listMyBookings } from './my-bookings.service'

export async function bookingRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const

  app.post(
    '/bookings/quote',
    { config: resident, schema: { body: bookingRequestSchema, response: { 200: quoteSchema } } },
    async (request) => quoteBooking(db, callerOf(request).user, request.body, app.now()),
  )

  app.post(
    '/bookings',
    {
      config: resident,
      schema: {
        headers: bookingHeadersSchema,
        body: bookingRequestSchema,
        response: { 200: bookingSchema, 201: bookingSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key']
      const { statusCode, booking } = await placeBooking(db, callerOf(request).user, request.body, key, app.now())
      return reply.code(statusCode).send(booking)
    },
  )

  app.get(
    '/bookings',
    { config: resident, schema: { querystring: bookingListQuerySchema, response: { 200: bookingListSchema } } },
    async (request) => ({
      bookings: await listMyBookings(db, callerOf(request).user, request.query.status, app.now()),
    }),
  )

  app.get(
    '/bookings/:id',
    { config: resident, schema: { params: bookingIdParamsSchema, response: { 200: bookingSchema } } },
    async (request) => getMyBooking(db, callerOf(request).user, request.params.id, app.now()),
  )

  app.post(
    '/bookings/:id/days/:date/cancel',
    { config: resident, schema: { params: bookingDayParamsSchema, response: { 200: bookingSchema } } },
    async (request) => cancelMyBookingDay(db, callerOf(request).user, request.params.id, request.params.date, app.now()),
  )

  app.post(
    '/bookings/:id/cancel',
    { config: resident, schema: { params: bookingIdParamsSchema, body: cancelBodySchema.nullish(), response: { 200: bookingSchema } } },
    async (request) => cancelMyBooking(db, callerOf(request).user, request.params.id, request.body?.reason, app.now()),
  )
}
