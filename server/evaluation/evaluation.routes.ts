import {
  coverageSchema,
  evaluationQuerySchema,
  evaluationResponseSchema,
  periodSchema,
  qualifiedListPreviewSchema,
  qualifiedListSchema,
} from '@shared/evaluation'
import { z } from 'zod'
import type { AppInstance } from '../app-instance'
import { authenticate } from '../auth/auth.service'
import { coverage } from './coverage'
import { bulletinTitle, evaluationCsv, evaluationXlsx } from './evaluation-export'
import { evaluate } from './evaluation.service'
import { governmentAccess, governmentDistrict } from './government-access'
import { previewQualifiedList, publishQualifiedList, publishedPeriods, publishedQualifiedList } from './qualified-list.service'

const exportQuerySchema = z.strictObject({ period: periodSchema, format: z.enum(['csv', 'xlsx'], { error: '格式应为 csv 或 xlsx' }) })
const periodQuerySchema = z.strictObject({ period: periodSchema })

/** 运营评估 for government staff, and the public qualified-operator list. */
export async function evaluationRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const district = async (authorization: string | undefined, need: 'read' | 'publish' = 'read') =>
    governmentDistrict(db, await authenticate(db, authorization), need)

  app.get('/evaluation', { schema: { querystring: evaluationQuerySchema, response: { 200: evaluationResponseSchema } } }, async (request) => {
    const access = await governmentAccess(db, await authenticate(db, request.headers.authorization))
    const evaluation = await evaluate(db, access.districtId, request.query.period, app.now(), request.query.function)
    return { ...evaluation, canPublish: access.canPublish }
  })

  app.get('/evaluation/export', { schema: { querystring: exportQuerySchema } }, async (request, reply) => {
    const evaluation = await evaluate(db, await district(request.headers.authorization), request.query.period, app.now())
    const name = encodeURIComponent(`${bulletinTitle(evaluation).split('（')[0]}-${evaluation.period}.${request.query.format}`)
    reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`)
    if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(evaluationCsv(evaluation))
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await evaluationXlsx(evaluation))
  })

  app.get('/evaluation/coverage', { schema: { response: { 200: coverageSchema } } }, async (request) =>
    coverage(db, await district(request.headers.authorization)),
  )

  app.get(
    '/evaluation/qualified/preview',
    { schema: { querystring: periodQuerySchema, response: { 200: qualifiedListPreviewSchema } } },
    async (request) => previewQualifiedList(db, await district(request.headers.authorization, 'publish'), request.query.period, app.now()),
  )

  app.post(
    '/evaluation/qualified',
    { schema: { querystring: periodQuerySchema, response: { 200: qualifiedListSchema } } },
    async (request) => publishQualifiedList(db, await district(request.headers.authorization, 'publish'), request.query.period, app.now()),
  )

  app.get('/operators/qualified/periods', { schema: { response: { 200: z.object({ periods: z.array(z.string()) }) } } }, async () => ({
    periods: await publishedPeriods(db),
  }))

  app.get(
    '/operators/qualified',
    { schema: { querystring: z.strictObject({ period: periodSchema.optional() }), response: { 200: qualifiedListSchema } } },
    async (request) => publishedQualifiedList(db, request.query.period),
  )
}
