import {
  capacityBodySchema,
  closeDayBodySchema,
  closeDayResultSchema,
  codeLookupQuerySchema,
  deskActionParamsSchema,
  deskBookingParamsSchema,
  deskBookingSchema,
  deskUndoBodySchema,
  mealTemplateEntrySchema,
  mealTemplateSchema,
  publishBodySchema,
  publishResultSchema,
  reopenDayBodySchema,
  reopenDayResultSchema,
  templateEntryParamsSchema,
  rosterQuerySchema,
  rosterSchema,
  sessionParamsSchema,
  staffFacilityListSchema,
  staffFacilityParamsSchema,
  suspensionListSchema,
} from '@shared/staff'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { bookingHeadersSchema, bookingRequestSchema, bookingSchema, quoteSchema } from '@shared/booking'
import { CARE_LEVELS } from '@shared/care'
import { idSchema } from '@shared/common'
import { familyMemberSchema, memberCreateSchema, memberListSchema } from '@shared/member'
import { callerOf } from '../http/access-hook'
import { NotFoundError } from '../http/errors'
import { changeTemplateEntry, publishMealDays, readTemplate } from '../meals/meal-template'
import { actAtDesk, findAtDesk, recordCareLevel, undoAtDesk, verifySubsidyAtDesk } from './desk.service'
import { addWalkIn, bookForWalkIn, listWalkIns, quoteForWalkIn } from './walk-in.service'
import { liftSuspension, suspensionsAtFacility } from './no-show-policy'
import { getRoster } from './roster.service'
import { changeCapacity, closeDay, reopenDay } from './session-admin.service'
import { findStaffFacilities } from './staff-binding.repository'

/**
 * The operator's workspace and the street office's view. `operate`: what only the facility's operator does
 * (check-in, capacity, closing a day, walk-ins); `oversee`: reading, open to the street and district too.
 */
export async function staffRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const operate = { access: { operate: 'facilityId' } }
  const oversee = { access: { oversee: 'facilityId' } }

  app.get('/staff/facilities', { config: { access: 'staff' }, schema: { response: { 200: staffFacilityListSchema } } }, async (request) => ({
    facilities: await findStaffFacilities(db, callerOf(request).user.id),
  }))

  app.get(
    '/staff/facilities/:facilityId/roster',
    { config: oversee, schema: { params: staffFacilityParamsSchema, querystring: rosterQuerySchema, response: { 200: rosterSchema } } },
    async (request) => {
      return getRoster(db, request.params.facilityId, request.query.function, request.query.date)
    },
  )

  app.get(
    '/staff/facilities/:facilityId/bookings',
    { config: operate, schema: { params: staffFacilityParamsSchema, querystring: codeLookupQuerySchema, response: { 200: deskBookingSchema } } },
    async (request) => {
      return findAtDesk(db, request.params.facilityId, request.query.code, app.now())
    },
  )

  app.post(
    '/staff/facilities/:facilityId/bookings/:id/:action',
    { config: operate, schema: { params: deskActionParamsSchema, response: { 200: deskBookingSchema } } },
    async (request) => {
      const { facilityId, id, action } = request.params
      const staff = callerOf(request).user
      return actAtDesk(db, staff, facilityId, id, action, app.now())
    },
  )

  // 撤销: a no-show or completion entered by mistake, taken back on the day.
  app.post(
    '/staff/facilities/:facilityId/bookings/:id/undo',
    { config: operate, schema: { params: deskBookingParamsSchema, body: deskUndoBodySchema.nullish(), response: { 200: deskBookingSchema } } },
    async (request) => {
      const { facilityId, id } = request.params
      return undoAtDesk(db, callerOf(request).user, facilityId, id, request.body?.reason, app.now())
    },
  )

  app.post(
    '/staff/facilities/:facilityId/bookings/:id/verify-subsidy',
    { config: operate, schema: { params: deskBookingParamsSchema, response: { 200: z.object({ verified: z.boolean() }) } } },
    async (request) => {
      return verifySubsidyAtDesk(db, request.params.facilityId, request.params.id, app.now())
    },
  )

  app.post(
    '/staff/facilities/:facilityId/bookings/:id/care-level',
    {
      config: operate,
      schema: {
        params: deskBookingParamsSchema,
        body: z.strictObject({ level: z.enum(CARE_LEVELS, { error: `护理等级应为 ${CARE_LEVELS.join('、')} 之一` }) }),
        response: { 200: z.object({ confirmed: z.number() }) },
      },
    },
    async (request) => {
      return recordCareLevel(db, request.params.facilityId, request.params.id, request.body.level, app.now())
    },
  )

  // Residents without a smartphone: the desk keeps them and books for them through the same engine.
  app.get(
    '/staff/facilities/:facilityId/walk-ins',
    { config: operate, schema: { params: staffFacilityParamsSchema, response: { 200: memberListSchema } } },
    async (request) => {
      return { members: await listWalkIns(db, request.params.facilityId, app.now()) }
    },
  )

  app.post(
    '/staff/facilities/:facilityId/walk-ins',
    { config: operate, schema: { params: staffFacilityParamsSchema, body: memberCreateSchema, response: { 201: familyMemberSchema } } },
    async (request, reply) => {
      return reply.code(201).send(await addWalkIn(db, request.params.facilityId, request.body, app.now()))
    },
  )

  app.post(
    '/staff/facilities/:facilityId/walk-in-bookings/quote',
    { config: operate, schema: { params: staffFacilityParamsSchema, body: bookingRequestSchema, response: { 200: quoteSchema } } },
    async (request) => {
      return quoteForWalkIn(db, request.params.facilityId, request.body, app.now())
    },
  )

  app.post(
    '/staff/facilities/:facilityId/walk-in-bookings',
    {
      config: operate,
      schema: {
        params: staffFacilityParamsSchema,
        headers: bookingHeadersSchema,
        body: bookingRequestSchema,
        response: { 200: bookingSchema, 201: bookingSchema },
      },
    },
    async (request, reply) => {
      const { facilityId } = request.params
      const staff = callerOf(request).user
      const key = request.headers['idempotency-key']
      const { statusCode, booking } = await bookForWalkIn(db, staff, facilityId, request.body, key, app.now())
      return reply.code(statusCode).send(booking)
    },
  )

  // The weekly meal plan, and publishing coming days from it.
  app.get(
    '/staff/facilities/:facilityId/meal-template',
    { config: oversee, schema: { params: staffFacilityParamsSchema, response: { 200: mealTemplateSchema } } },
    async (request) => {
      return { entries: await readTemplate(db, request.params.facilityId) }
    },
  )

  app.put(
    '/staff/facilities/:facilityId/meal-template/:weekday/:part',
    { config: operate, schema: { params: templateEntryParamsSchema, body: mealTemplateEntrySchema, response: { 200: mealTemplateSchema } } },
    async (request) => {
      const { facilityId, weekday, part } = request.params
      await changeTemplateEntry(db, facilityId, weekday, part, request.body, { userId: callerOf(request).user.id, now: app.now() })
      return { entries: await readTemplate(db, facilityId) }
    },
  )

  app.post(
    '/staff/facilities/:facilityId/meal-template/publish',
    { config: operate, schema: { params: staffFacilityParamsSchema, body: publishBodySchema, response: { 200: publishResultSchema } } },
    async (request) => {
      const { facilityId } = request.params
      return { created: await publishMealDays(db, facilityId, request.body.from, request.body.to) }
    },
  )

  app.patch(
    '/staff/facilities/:facilityId/sessions/:sessionId',
    {
      config: operate,
      schema: {
        params: sessionParamsSchema,
        body: capacityBodySchema,
        response: { 200: z.object({ capacity: z.number(), booked: z.number() }) },
      },
    },
    async (request) => {
      const { facilityId, sessionId } = request.params
      return changeCapacity(db, facilityId, sessionId, request.body.capacity, app.now())
    },
  )

  app.post(
    '/staff/facilities/:facilityId/close',
    { config: operate, schema: { params: staffFacilityParamsSchema, body: closeDayBodySchema, response: { 200: closeDayResultSchema } } },
    async (request) => {
      const { facilityId } = request.params
      const staff = callerOf(request).user
      const { function: functionCode, date, reason } = request.body
      return closeDay(db, staff, { facilityId, functionCode, date, reason }, app.now())
    },
  )

  app.post(
    '/staff/facilities/:facilityId/reopen',
    { config: operate, schema: { params: staffFacilityParamsSchema, body: reopenDayBodySchema, response: { 200: reopenDayResultSchema } } },
    async (request) => {
      const { function: functionCode, date } = request.body
      return reopenDay(db, { facilityId: request.params.facilityId, functionCode, date }, app.now())
    },
  )

  app.get(
    '/staff/facilities/:facilityId/suspensions',
    { config: operate, schema: { params: staffFacilityParamsSchema, response: { 200: suspensionListSchema } } },
    async (request) => {
      return { suspensions: await suspensionsAtFacility(db, request.params.facilityId, app.now()) }
    },
  )

  app.post(
    '/staff/facilities/:facilityId/suspensions/:id/lift',
    { config: operate, schema: { params: z.strictObject({ facilityId: idSchema, id: idSchema }), response: { 200: z.object({ lifted: z.boolean() }) } } },
    async (request) => {
      const { facilityId, id } = request.params
      const staff = callerOf(request).user
      // Only the suspensions of people who booked this facility are this desk's to lift.
      const here = await suspensionsAtFacility(db, facilityId, app.now())
      if (!here.some((s) => s.id === id) || !(await liftSuspension(db, id, staff.id, app.now()))) {
        throw new NotFoundError('没有找到这条暂停记录')
      }
      return { lifted: true }
    },
  )
}
