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
import { coverage } from './coverage'
import { bulletinTitle, evaluationCsv, evaluationXlsx } from './evaluation-export'
import { evaluate } from './evaluation.service'
import { callerOf, districtOf, governedOf } from '../http/access-hook'
import { previewQualifiedList, publishQualifiedList, publishedPeriods, publishedQualifiedList } from './qualified-list.service'

const exportQuerySchema = z.strictObject({ period: periodSchema, format: z.enum(['csv', 'xlsx'], { error: '格式应为 csv 或 xlsx' }) })
const periodQuerySchema = z.strictObject({ period: periodSchema })

/** 运营评估 for government staff, and the public qualified-operator list. */
export async function evaluationRoutes(app: AppInstance): Promise<void> {
  const db = app.db.kysely
  const government = { access: 'government' } as const
  const open = { access: 'public' } as const

  app.get(
    '/evaluation',
    { config: government, schema: { querystring: evaluationQuerySchema, response: { 200: evaluationResponseSchema } } },
    async (request) => {
      const { districtId, streetIds } = governedOf(request)
      const evaluation = await evaluate(db, districtId, request.query.period, app.now(), { fn: request.query.function, streetIds })
      return { ...evaluation, canPublish: callerOf(request).canPublish === true }
    },
  )

  app.get('/evaluation/export', { config: government, schema: { querystring: exportQuerySchema } }, async (request, reply) => {
    const { districtId, streetIds } = governedOf(request)
    const evaluation = await evaluate(db, districtId, request.query.period, app.now(), { streetIds })
    const name = encodeURIComponent(`${bulletinTitle(evaluation).split('（')[0]}-${evaluation.period}.${request.query.format}`)
    reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`)
    if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(evaluationCsv(evaluation))
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await evaluationXlsx(evaluation))
  })

  app.get('/evaluation/coverage', { config: government, schema: { response: { 200: coverageSchema } } }, async (request) =>
    coverage(db, districtOf(request)),
  )

  app.get(
    '/evaluation/qualified/preview',
    { config: { access: 'district' }, schema: { querystring: periodQuerySchema, response: { 200: qualifiedListPreviewSchema } } },
    async (request) => previewQualifiedList(db, districtOf(request), request.query.period, app.now()),
  )

  app.post(
    '/evaluation/qualified',
    { config: { access: 'district' }, schema: { querystring: periodQuerySchema, response: { 200: qualifiedListSchema } } },
    async (request) => publishQualifiedList(db, districtOf(request), request.query.period, app.now()),
  )

  app.get('/operators/qualified/periods', { config: open, schema: { response: { 200: z.object({ periods: z.array(z.string()) }) } } }, async () => ({
    periods: await publishedPeriods(db),
  }))

  app.get(
    '/operators/qualified',
    { config: open, schema: { querystring: z.strictObject({ period: periodSchema.optional() }), response: { 200: qualifiedListSchema } } },
    async (request) => publishedQualifiedList(db, request.query.period),
  )
}
