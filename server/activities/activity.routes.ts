import {
  activityInputSchema,
  activityListQuerySchema,
  activityListSchema,
  activityParamsSchema,
  staffActivityListSchema,
  staffActivitySchema,
  withdrawActivityBodySchema,
  withdrawActivityResultSchema,
} from '@shared/activity'
import { facilityIdParamsSchema } from '@shared/facility'
import { staffFacilityParamsSchema } from '@shared/staff'
import type { AppInstance } from '../app-instance'
import { callerOf } from '../http/access-hook'
import { listActivities, publishActivity, staffActivities, withdrawActivity } from './activity.service'

/** Activities: residents read them (and sign up through POST /bookings); the facility's operator publishes them. */
export async function activityRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const operate = { access: { operate: 'facilityId' } } as const

  app.get(
    '/facilities/:id/activities',
    { config: { access: 'public' }, schema: { params: facilityIdParamsSchema, querystring: activityListQuerySchema, response: { 200: activityListSchema } } },
    async (request) => listActivities(db, request.params.id, request.query.function, app.now()),
  )
  app.get(
    '/staff/facilities/:facilityId/activities',
    { config: operate, schema: { params: staffFacilityParamsSchema, response: { 200: staffActivityListSchema } } },
    async (request) => ({ activities: await staffActivities(db, request.params.facilityId, app.now()) }),
  )
  app.post(
    '/staff/facilities/:facilityId/activities',
    { config: operate, schema: { params: staffFacilityParamsSchema, body: activityInputSchema, response: { 200: staffActivitySchema, 201: staffActivitySchema } } },
    async (request, reply) => {
      // 201 when published now; 200 with the activity when this is a retry of one published a moment ago.
      const { activity, created } = await publishActivity(db, callerOf(request).user, request.params.facilityId, request.body, app.now())
      return reply.code(created ? 201 : 200).send(activity)
    },
  )
  app.post(
    '/staff/facilities/:facilityId/activities/:activityId/withdraw',
    { config: operate, schema: { params: activityParamsSchema, body: withdrawActivityBodySchema, response: { 200: withdrawActivityResultSchema } } },
    async (request) => {
      const { facilityId, activityId } = request.params
      return withdrawActivity(db, callerOf(request).user, facilityId, activityId, request.body.reason, app.now())
    },
  )
}
