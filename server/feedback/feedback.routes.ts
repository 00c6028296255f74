import { feedbackAnswerSchema, feedbackCreateSchema, feedbackIdParamsSchema, feedbackListSchema, feedbackSchema, feedbackVerdictSchema } from '@shared/feedback'
import type { AppInstance } from '../app-instance'
import { callerOf, governedOf } from '../http/access-hook'
import { answerFeedback, listGovernedFeedback, listMyFeedback, recordFeedbackVerdict, submitFeedback } from './feedback.service'

/** 意见建议 and 价格投诉: written by residents, answered by the street office, judged by the resident. */
export async function feedbackRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const
  const government = { access: 'government' } as const

  app.post('/feedback', { config: resident, schema: { body: feedbackCreateSchema, response: { 201: feedbackSchema } } }, async (request, reply) =>
    reply.code(201).send(await submitFeedback(db, callerOf(request).user, request.body, app.now())),
  )
  app.get('/me/feedback', { config: resident, schema: { response: { 200: feedbackListSchema } } }, async (request) => ({
    items: await listMyFeedback(db, callerOf(request).user, app.now()),
  }))
  app.post(
    '/me/feedback/:id/verdict',
    { config: resident, schema: { params: feedbackIdParamsSchema, body: feedbackVerdictSchema, response: { 200: feedbackSchema } } },
    async (request) => recordFeedbackVerdict(db, callerOf(request).user, request.params.id, request.body.accept, app.now()),
  )
  app.get('/admin/feedback', { config: government, schema: { response: { 200: feedbackListSchema } } }, async (request) => ({
    items: await listGovernedFeedback(db, governedOf(request), app.now()),
  }))
  app.post(
    '/admin/feedback/:id/answer',
    { config: government, schema: { params: feedbackIdParamsSchema, body: feedbackAnswerSchema, response: { 200: feedbackListSchema } } },
    async (request) => ({
      items: await answerFeedback(db, governedOf(request), callerOf(request).user.id, request.params.id, request.body.answer, app.now()),
    }),
  )
}
