import {
  type Rating,
  type RatingRequest,
  type RectificationCase,
  ratingSchema,
  rectificationCaseListSchema,
} from '@shared/rating'
import { z } from 'zod'
import { apiRequest } from './client'
import { withSession } from './session'

const path = (bookingId: string) => `/bookings/${encodeURIComponent(bookingId)}/rating`

export const rateBooking = (bookingId: string, rating: RatingRequest): Promise<Rating> =>
  withSession((token) => apiRequest(ratingSchema, path(bookingId), { method: 'POST', body: rating, token }))

export const fetchRating = (bookingId: string): Promise<Rating> =>
  withSession((token) => apiRequest(ratingSchema, path(bookingId), { token }))

export const sendVerdict = (bookingId: string, accept: boolean): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(z.object({ accepted: z.boolean() }), `${path(bookingId)}/verdict`, { method: 'POST', body: { accept }, token })
  })

const casesPath = (facilityId: string) => `/staff/facilities/${encodeURIComponent(facilityId)}/cases`

export const fetchCases = (facilityId: string): Promise<RectificationCase[]> =>
  withSession(async (token) => (await apiRequest(rectificationCaseListSchema, casesPath(facilityId), { token })).cases)

export const answerCase = (facilityId: string, caseId: string, answer: { callbackNote: string; rectification: string }) =>
  withSession(async (token) =>
    (
      await apiRequest(rectificationCaseListSchema, `${casesPath(facilityId)}/${encodeURIComponent(caseId)}/answer`, {
        method: 'POST',
        body: answer,
        token,
      })
    ).cases,
  )
