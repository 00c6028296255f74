import { surveyAnswerSchema, surveyCreateSchema, surveyExportQuerySchema, surveyIdParamsSchema, surveyListSchema, surveySchema } from '@shared/survey'
import type { AppInstance } from '../app-instance'
import { callerOf, governedOf } from '../http/access-hook'
import { surveyXlsx } from './survey-export'
import {
  answerSurvey,
  closeSurvey,
  governedSurvey,
  listGovernedSurveys,
  listSurveysForResident,
  openSurvey,
  surveyForResident,
} from './survey.service'

/** 需求征集: opened by a street office for its communities, answered once by each resident, counted per community. */
export async function surveyRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const resident = { access: 'resident' } as const
  const government = { access: 'government' } as const

  app.get('/surveys', { config: resident, schema: { response: { 200: surveyListSchema } } }, async (request) => ({
    items: await listSurveysForResident(db, callerOf(request).user, app.now()),
  }))
  app.get('/surveys/:id', { config: resident, schema: { params: surveyIdParamsSchema, response: { 200: surveySchema } } }, async (request) =>
    surveyForResident(db, callerOf(request).user, request.params.id, app.now()),
  )
  app.post(
    '/surveys/:id/answers',
    { config: resident, schema: { params: surveyIdParamsSchema, body: surveyAnswerSchema, response: { 201: surveySchema } } },
    async (request, reply) => reply.code(201).send(await answerSurvey(db, callerOf(request).user, request.params.id, request.body, app.now())),
  )

  app.get('/admin/surveys', { config: government, schema: { response: { 200: surveyListSchema } } }, async (request) => ({
    items: await listGovernedSurveys(db, governedOf(request), app.now()),
  }))
  app.post('/admin/surveys', { config: government, schema: { body: surveyCreateSchema, response: { 201: surveySchema } } }, async (request, reply) =>
    reply.code(201).send(await openSurvey(db, governedOf(request), callerOf(request).user.id, request.body, app.now())),
  )
  app.post(
    '/admin/surveys/:id/close',
    { config: government, schema: { params: surveyIdParamsSchema, response: { 200: surveySchema } } },
    async (request) => closeSurvey(db, governedOf(request), request.params.id, app.now()),
  )
  app.get(
    '/admin/surveys/:id/export',
    { config: government, schema: { params: surveyIdParamsSchema, querystring: surveyExportQuerySchema } },
    async (request, reply) => {
      const survey = await governedSurvey(db, governedOf(request), request.params.id, app.now())
      const name = encodeURIComponent(`需求征集-${survey.streetName}-${survey.title}.xlsx`)
      if (!survey.results) throw new Error('a street office always reads a survey with its results')
      reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`)
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await surveyXlsx(survey, survey.results))
    },
  )
}
