import { act, fireEvent, render, screen } from '@testing-library/react'
import type { Booking } from '@shared/booking'
import BookingDetailPage from '@/packages/booking/detail'
import { SIGNED_IN } from './answers'
import { mockRequest, useRouter } from './taro-api'

type Call = { url: string; method?: string }
const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']

const week: Booking = {
  id: 'b-week',
  code: '31415926',
  status: 'booked',
  sessionId: 'c-2026-11-30',
  facilityId: 'yl-hangkong-erlu',
  facilityName: '航空二路社区嵌入式服务设施',
  function: 'child_care',
  service: '儿童托管 · 放学后托管',
  date: DAYS[0],
  days: DAYS,
  part: 'afternoon',
  startsAt: '2026-11-30T16:30:00+08:00',
  hours: { from: '16:30', to: '19:00' },
  quantity: 1,
  member: { id: 'm-kid', name: '张小明' },
  beneficiaryName: '张小明',
  collectors: [{ name: '张伟', phone: '13800001111' }],
  awaitingConfirmation: false,
  offerExpiresAt: null,
  ratingLevel: null,
  quote: { originalFen: 7500, deliveryFeeFen: 0, subsidyFen: 0, payableFen: 7500, tier: null, notes: [] },
  cancelUntil: '2026-11-30T12:30:00+08:00',
  cancellable: true,
  cancellableDays: DAYS,
  createdAt: '2026-11-27T10:00:00+08:00',
  history: [{ status: 'booked', at: '2026-11-27T10:00:00+08:00', reason: null }],
}

it('cancels one day of a week after asking, and shows the rest of the week', async () => {
  useRouter.mockImplementation(() => ({ params: { id: 'b-week' } }))
  const rest = DAYS.filter((d) => d !== '2026-12-02')
  mockRequest.mockReset()
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') return Promise.resolve(SIGNED_IN)
    if (path === '/api/bookings/b-week') return Promise.resolve({ statusCode: 200, data: week })
    if (path === '/api/bookings/b-week/days/2026-12-02/cancel') {
      return Promise.resolve({
        statusCode: 200,
        data: { ...week, days: rest, cancellableDays: rest, quote: { ...week.quote, payableFen: 6000, originalFen: 6000 } },
      })
    }
    return Promise.reject(new Error(`unexpected ${path}`))
  })
  render(<BookingDetailPage />)
  fireEvent.click(await screen.findByText(/^取消 12月2日/, { selector: 'button' }, { timeout: 3000 }))
  expect(screen.getByText(/确定取消12月2日.*吗？其余日期照常/)).toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByText(/^确定取消12月2日/, { selector: 'button' })))
  expect(mockRequest.mock.calls.some(([c]) => (c as Call).url === '/api/bookings/b-week/days/2026-12-02/cancel')).toBe(true)
  expect(await screen.findByText(/^已取消12月2日.*，其余日期照常，名额已退回。/)).toBeInTheDocument()
  expect(screen.queryByText(/^取消 12月2日/, { selector: 'button' })).not.toBeInTheDocument()
  expect(screen.getByText(/^取消 12月3日/, { selector: 'button' })).toBeInTheDocument()
})
