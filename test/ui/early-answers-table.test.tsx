import { fetchSessions } from '@/api/booking'
import { fetchFacility, fetchFacilityPrices } from '@/api/facility-detail'
import { EARLY_ANSWERS } from '../../config/early-answers'
import { mockRequest } from './taro-api'

// boot.js asks for config/early-answers.ts's paths and the app takes an answer only under the very URL it asks
// for itself: a path or query that drifted from the app's calls would make every page opened from a link ask twice.
// So each page's first calls, as the app makes them, must be the table's paths.
const ID = 'yl-hongqi'
const FIRST_CALLS: Record<string, (() => Promise<unknown>)[]> = {
  'packages/facility/detail/index': [() => fetchFacility(ID), () => fetchFacilityPrices(ID)],
  'packages/meal/order/index': [() => fetchSessions(ID, 'meal')],
  'packages/care/infant/index': [() => fetchSessions(ID, 'infant_care')],
  'packages/care/after-school/index': [() => fetchSessions(ID, 'child_care')],
  'packages/care/day-care/index': [() => fetchSessions(ID, 'elderly_care')],
  'packages/care/respite/index': [() => fetchSessions(ID, 'elderly_care')],
}

async function urlsAsked(calls: (() => Promise<unknown>)[]): Promise<string[]> {
  mockRequest.mockReset()
  mockRequest.mockResolvedValue({ statusCode: 503, data: {} })
  for (const call of calls) await call().catch(() => undefined)
  return mockRequest.mock.calls.map(([options]) => (options as { url: string }).url)
}

it('lists the pages whose first calls it names', () => {
  expect(Object.keys(EARLY_ANSWERS).sort()).toEqual(Object.keys(FIRST_CALLS).sort())
})

it.each(Object.keys(FIRST_CALLS))('%s: the early paths are the URLs the page asks for', async (page) => {
  const expected = EARLY_ANSWERS[page].map((path) => path.replace(/\{\w+\}/g, ID))
  expect(await urlsAsked(FIRST_CALLS[page])).toEqual(expected)
})
