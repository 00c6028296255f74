import { type Feedback, type FeedbackCreate, feedbackListSchema, feedbackSchema } from '@shared/feedback'
import { apiRequest } from './client'
import { withSession } from './session'

export const submitFeedback = (input: FeedbackCreate): Promise<Feedback> =>
  withSession((token) => apiRequest(feedbackSchema, '/feedback', { method: 'POST', body: input, token }))

export const fetchMyFeedback = (): Promise<Feedback[]> => withSession(async (token) => (await apiRequest(feedbackListSchema, '/me/feedback', { token })).items)

export const judgeFeedback = (id: string, accept: boolean): Promise<Feedback> =>
  withSession((token) => apiRequest(feedbackSchema, `/me/feedback/${encodeURIComponent(id)}/verdict`, { method: 'POST', body: { accept }, token }))

export const fetchGovernedFeedback = (): Promise<Feedback[]> =>
  withSession(async (token) => (await apiRequest(feedbackListSchema, '/admin/feedback', { token })).items)

export const answerFeedback = (id: string, answer: string): Promise<Feedback[]> =>
  withSession(async (token) => (await apiRequest(feedbackListSchema, `/admin/feedback/${encodeURIComponent(id)}/answer`, { method: 'POST', body: { answer }, token })).items)
