import {
  bookingRatingParamsSchema,
  caseAnswerSchema,
  caseParamsSchema,
  overdueCaseListSchema,
  rectificationCaseListSchema,
  verdictSchema,
} from '@shared/rating'
import { staffFacilityParamsSchema } from '@shared/staff'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { callerOf, governedOf } from '../http/access-hook'
import { answerCase, facilityCases, overdueCases, recordVerdict } from './rectification.service'

/** 差评整改: the operator's cases and answers, the resident's verdict, the overdue list for government staff. */
export async function rectificationRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely

  app.get(
    '/staff/facilities/:facilityId/cases',
    {
      config: { access: { oversee: 'facilityId' } },
      schema: { params: staffFacilityParamsSchema, response: { 200: rectificationCaseListSchema } },
    },
    async (request) => ({ cases: await facilityCases(db, request.params.facilityId, app.now()) }),
  )

  app.post(
    '/staff/facilities/:facilityId/cases/:caseId/answer',
    {
      config: { access: { operate: 'facilityId' } },
      schema: { params: caseParamsSchema, body: caseAnswerSchema, response: { 200: rectificationCaseListSchema } },
    },
    async (request) => {
      const { facilityId, caseId } = request.params
      await answerCase(db, facilityId, caseId, request.body, app.now())
      return { cases: await facilityCases(db, facilityId, app.now()) }
    },
  )

  app.post(
    '/bookings/:id/rating/verdict',
    {
      config: { access: 'resident' },
      schema: { params: bookingRatingParamsSchema, body: verdictSchema, response: { 200: z.object({ accepted: z.boolean() }) } },
    },
    async (request) => {
      await recordVerdict(db, callerOf(request).user, request.params.id, request.body.accept, app.now())
      return { accepted: request.body.accept }
    },
  )

  app.get(
    '/evaluation/cases/overdue',
    { config: { access: 'government' }, schema: { response: { 200: overdueCaseListSchema } } },
    async (request) => ({ cases: await overdueCases(db, governedOf(request), app.now()) }),
  )
}
