import { type HomeRequest, type HomeRequestCreate, homeRequestListSchema, homeRequestSchema } from '@shared/home-service'
import { apiRequest } from './client'
import { withSession } from './session'

// 家政便民: called only from subpackages (the resident's page and the staff 工作台), so answers are parsed here.

export const requestHomeService = (input: HomeRequestCreate): Promise<HomeRequest> =>
  withSession((token) => apiRequest(homeRequestSchema, '/home-services', { method: 'POST', body: input, token }))

export const fetchMyHomeRequests = (): Promise<HomeRequest[]> =>
  withSession(async (token) => (await apiRequest(homeRequestListSchema, '/me/home-services', { token })).items)

export const cancelHomeRequest = (id: string): Promise<HomeRequest> =>
  withSession((token) => apiRequest(homeRequestSchema, `/me/home-services/${encodeURIComponent(id)}/cancel`, { method: 'POST', token }))

const staffPath = (facilityId: string) => `/staff/facilities/${encodeURIComponent(facilityId)}/home-services`

export const fetchFacilityHomeRequests = (facilityId: string): Promise<HomeRequest[]> =>
  withSession(async (token) => (await apiRequest(homeRequestListSchema, staffPath(facilityId), { token })).items)

export const acceptHomeRequest = (facilityId: string, id: string, body: { date: string; time: string; priceFen: number }): Promise<HomeRequest> =>
  withSession((token) => apiRequest(homeRequestSchema, `${staffPath(facilityId)}/${encodeURIComponent(id)}/accept`, { method: 'POST', body, token }))

export const declineHomeRequest = (facilityId: string, id: string, reason: string): Promise<HomeRequest> =>
  withSession((token) => apiRequest(homeRequestSchema, `${staffPath(facilityId)}/${encodeURIComponent(id)}/decline`, { method: 'POST', body: { reason }, token }))
