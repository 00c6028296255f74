import {
  type Coverage,
  type Evaluation,
  type QualifiedList,
  coverageSchema,
  evaluationSchema,
  qualifiedListSchema,
} from '@shared/evaluation'
import type { FunctionCode } from '@shared/functions'
import { overdueCaseListSchema } from '@shared/rating'
import { z } from 'zod'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchEvaluation = (period: string, fn?: FunctionCode): Promise<Evaluation> =>
  withSession((token) => apiRequest(evaluationSchema, '/evaluation', { query: { period, function: fn }, token }))

export const fetchCoverage = (): Promise<Coverage> => withSession((token) => apiRequest(coverageSchema, '/evaluation/coverage', { token }))

export const fetchOverdueCases = () =>
  withSession(async (token) => (await apiRequest(overdueCaseListSchema, '/evaluation/cases/overdue', { token })).cases)

export const publishQualifiedList = (period: string): Promise<QualifiedList> =>
  withSession((token) => apiRequest(qualifiedListSchema, '/evaluation/qualified', { method: 'POST', query: { period }, body: {}, token }))

export const fetchQualifiedList = (period?: string): Promise<QualifiedList> =>
  apiRequest(qualifiedListSchema, '/operators/qualified', { query: { period } })

export const fetchQualifiedPeriods = async (): Promise<string[]> =>
  (await apiRequest(z.object({ periods: z.array(z.string()) }), '/operators/qualified/periods')).periods
