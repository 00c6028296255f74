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
import { authenticate } from '../auth/auth.service'
import { governmentDistrict } from '../evaluation/government-access'
import { requireFacilityAccess } from '../staff/staff-access'
import { answerCase, facilityCases, overdueCases, recordVerdict } from './rectification.service'

/** 差评整改: the operator's cases and answers, the resident's verdict, the overdue list for government staff. */
export async function rectificationRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const staffFor = async (authorization: string | undefined, facilityId: string, need: 'operate' | 'oversee') => {
    const user = await authenticate(db, authorization)
    await requireFacilityAccess(db, user, facilityId, need)
    return user
  }

  app.get(
    '/staff/facilities/:facilityId/cases',
    { schema: { params: staffFacilityParamsSchema, response: { 200: rectificationCaseListSchema } } },
    async (request) => {
      await staffFor(request.headers.authorization, request.params.facilityId, 'oversee')
      return { cases: await facilityCases(db, request.params.facilityId, app.now()) }
    },
  )

  app.post(
    '/staff/facilities/:facilityId/cases/:caseId/answer',
    { schema: { params: caseParamsSchema, body: caseAnswerSchema, response: { 200: rectificationCaseListSchema } } },
    async (request) => {
      const { facilityId, caseId } = request.params
      await staffFor(request.headers.authorization, facilityId, 'operate')
      await answerCase(db, facilityId, caseId, request.body, app.now())
      return { cases: await facilityCases(db, facilityId, app.now()) }
    },
  )

  app.post(
    '/bookings/:id/rating/verdict',
    { schema: { params: bookingRatingParamsSchema, body: verdictSchema, response: { 200: z.object({ accepted: z.boolean() }) } } },
    async (request) => {
      const user = await authenticate(db, request.headers.authorization)
      await recordVerdict(db, user, request.params.id, request.body.accept, app.now())
      return { accepted: request.body.accept }
    },
  )

  app.get('/evaluation/cases/overdue', { schema: { response: { 200: overdueCaseListSchema } } }, async (request) => {
    const district = await governmentDistrict(db, await authenticate(db, request.headers.authorization))
    return { cases: await overdueCases(db, district, app.now()) }
  })
}
