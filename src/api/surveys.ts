import { type Survey, type SurveyAnswer, type SurveyCreate, surveyListSchema, surveySchema } from '@shared/survey'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchSurveys = (): Promise<Survey[]> => withSession(async (token) => (await apiRequest(surveyListSchema, '/surveys', { token })).items)

export const fetchSurvey = (id: string): Promise<Survey> => withSession((token) => apiRequest(surveySchema, `/surveys/${encodeURIComponent(id)}`, { token }))

export const answerSurvey = (id: string, answer: SurveyAnswer): Promise<Survey> =>
  withSession((token) => apiRequest(surveySchema, `/surveys/${encodeURIComponent(id)}/answers`, { method: 'POST', body: answer, token }))

export const fetchGovernedSurveys = (): Promise<Survey[]> =>
  withSession(async (token) => (await apiRequest(surveyListSchema, '/admin/surveys', { token })).items)

export const openSurvey = (input: SurveyCreate): Promise<Survey> =>
  withSession((token) => apiRequest(surveySchema, '/admin/surveys', { method: 'POST', body: input, token }))

export const closeSurvey = (id: string): Promise<Survey> =>
  withSession((token) => apiRequest(surveySchema, `/admin/surveys/${encodeURIComponent(id)}/close`, { method: 'POST', token }))
