import {
  homeAcceptSchema,
  homeDeclineSchema,
  homeRequestCreateSchema,
  homeRequestIdParamsSchema,
  homeRequestListSchema,
  homeRequestSchema,
  staffHomeRequestParamsSchema,
} from '@shared/home-service'
import { staffFacilityParamsSchema } from '@shared/staff'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import {
  acceptHomeRequest,
  cancelMyHomeRequest,
  createHomeRequest,
  declineHomeRequest,
  listFacilityRequests,
  listMyHomeRequests,
} from './home-service.service'

/** 家政便民: residents request a service at home; the facility's operator accepts (a booking) or declines. */
export async function homeServiceRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const
  const operate = { access: { operate: 'facilityId' } } as const

  // A second tap on 提交 finds the request the first one wrote (200) instead of writing it twice.
  app.post(
    '/home-services',
    { config: resident, schema: { body: homeRequestCreateSchema, response: { 200: homeRequestSchema, 201: homeRequestSchema } } },
    async (request, reply) => {
      const { created, request: made } = await createHomeRequest(db, callerOf(request).user, request.body, app.now())
      return reply.code(created ? 201 : 200).send(made)
    },
  )
  app.get('/me/home-services', { config: resident, schema: { response: { 200: homeRequestListSchema } } }, async (request) => ({
    items: await listMyHomeRequests(db, callerOf(request).user, app.now()),
  }))
  app.post(
    '/me/home-services/:id/cancel',
    { config: resident, schema: { params: homeRequestIdParamsSchema, response: { 200: homeRequestSchema } } },
    async (request) => cancelMyHomeRequest(db, callerOf(request).user, request.params.id, app.now()),
  )

  app.get(
    '/staff/facilities/:facilityId/home-services',
    { config: operate, schema: { params: staffFacilityParamsSchema, response: { 200: homeRequestListSchema } } },
    async (request) => ({ items: await listFacilityRequests(db, request.params.facilityId, app.now()) }),
  )
  app.post(
    '/staff/facilities/:facilityId/home-services/:id/accept',
    { config: operate, schema: { params: staffHomeRequestParamsSchema, body: homeAcceptSchema, response: { 200: homeRequestSchema } } },
    async (request) => acceptHomeRequest(db, callerOf(request).user, request.params.facilityId, request.params.id, request.body, app.now()),
  )
  app.post(
    '/staff/facilities/:facilityId/home-services/:id/decline',
    { config: operate, schema: { params: staffHomeRequestParamsSchema, body: homeDeclineSchema, response: { 200: homeRequestSchema } } },
    async (request) => declineHomeRequest(db, callerOf(request).user, request.params.facilityId, request.params.id, request.body.reason, app.now()),
  )
}
