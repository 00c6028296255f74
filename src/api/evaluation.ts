import {
  type Coverage,
  type EvaluationResponse,
  type QualifiedList,
  type QualifiedListPreview,
  coverageSchema,
  evaluationResponseSchema,
  qualifiedListPreviewSchema,
  qualifiedListSchema,
} from '@shared/evaluation'
import type { FunctionCode } from '@shared/functions'
import { overdueCaseListSchema } from '@shared/rating'
import { z } from 'zod'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchEvaluation = (period: string, fn?: FunctionCode): Promise<EvaluationResponse> =>
  withSession((token) => apiRequest(evaluationResponseSchema, '/evaluation', { query: { period, function: fn }, token }))

export const fetchCoverage = (): Promise<Coverage> => withSession((token) => apiRequest(coverageSchema, '/evaluation/coverage', { token }))

export const fetchOverdueCases = () =>
  withSession(async (token) => (await apiRequest(overdueCaseListSchema, '/evaluation/cases/overdue', { token })).cases)

/** The list publishing would put out, computed by the server and stored nowhere. */
export const previewQualifiedList = (period: string): Promise<QualifiedListPreview> =>
  withSession((token) => apiRequest(qualifiedListPreviewSchema, '/evaluation/qualified/preview', { query: { period }, token }))

export const publishQualifiedList = (period: string): Promise<QualifiedList> =>
  withSession((token) => apiRequest(qualifiedListSchema, '/evaluation/qualified', { method: 'POST', query: { period }, body: {}, token }))

export const fetchQualifiedList = (period?: string): Promise<QualifiedList> =>
  apiRequest(qualifiedListSchema, '/operators/qualified', { query: { period } })

export const fetchQualifiedPeriods = async (): Promise<string[]> =>
  (await apiRequest(z.object({ periods: z.array(z.string()) }), '/operators/qualified/periods')).periods
