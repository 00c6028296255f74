import { act, fireEvent, render, screen } from '@testing-library/react'
import BookingsPage from '@/pages/bookings/index'
import { mockRequest, navigateTo } from '../ui/taro-api'

type Call = { url: string; method?: string }

const cancelledNotice = {
  id: 'n-1',
  kind: 'cancelled_by_facility',
  title: '预约已被设施取消',
  body: '红旗社区午餐（2026-12-01 11:30）已被设施取消：设施停业：停电检修。给您带来不便，敬请谅解。',
  bookingId: 'b-1',
  at: '2026-11-27T10:00:00+08:00',
  read: false,
}

const offeredEntry = {
  id: 'w-1', status: 'offered', facilityId: 'yl-jiayuan', facilityName: '佳苑社区嵌入式服务设施', function: 'elderly_care',
  date: '2026-12-10', part: 'night', throughDate: null, className: null, beneficiaryName: '赵建国', position: null,
  joinedAt: '2026-11-27T10:00:00+08:00', bookingId: 'b-9', offerExpiresAt: '2026-11-27T12:00:00+08:00', endedReason: null,
}

beforeEach(() => {
  mockRequest.mockReset()
  let read = false
  let confirmed = false
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'resident', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/bookings') return Promise.resolve({ statusCode: 200, data: { bookings: [] } })
    if (path === '/api/me/notices') {
      return Promise.resolve({ statusCode: 200, data: { notices: [{ ...cancelledNotice, read }], unread: read ? 0 : 1 } })
    }
    if (path === '/api/waitlist') {
      return Promise.resolve({ statusCode: 200, data: { entries: [{ ...offeredEntry, status: confirmed ? 'booked' : 'offered' }] } })
    }
    if (path === '/api/waitlist/w-1/confirm') {
      confirmed = true
      return Promise.resolve({ statusCode: 200, data: { ...offeredEntry, status: 'booked', bookingId: null, offerExpiresAt: null } })
    }
    if (path === '/api/me/notices/n-1/read') {
      read = true
      return Promise.resolve({ statusCode: 200, data: { read: true } })
    }
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

it('shows the facility’s cancellation as an unread message until the resident says 知道了', async () => {
  render(<BookingsPage />)
  expect(await screen.findByText('消息（1 条未读）')).toBeInTheDocument()
  expect(screen.getByText(/设施停业：停电检修/)).toBeInTheDocument()
  expect(await screen.findByText('没有待使用的预约')).toBeInTheDocument()

  await act(async () => fireEvent.click(screen.getByRole('button', { name: '知道了' })))
  expect(mockRequest.mock.calls.some(([c]) => (c as Call).url === '/api/me/notices/n-1/read')).toBe(true)
  expect(screen.queryByText('消息（1 条未读）')).not.toBeInTheDocument()
})

it('shows a place offered from the waitlist with its hold time, and confirms it', async () => {
  render(<BookingsPage />)
  expect(await screen.findByText('候补（1）')).toBeInTheDocument()
  expect(screen.getByText('有名额了！为您保留到 11月27日 12:00，请确认')).toBeInTheDocument()
  // Named as the booking would be: 短期托养 on 12月10日 周四, not 养老服务 · 2026-12-10 夜间.
  expect(screen.getByText('短期托养 · 12月10日 周四')).toBeInTheDocument()
  expect(screen.getByText(/为 赵建国/)).toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认预约' })))
  expect(mockRequest.mock.calls.some(([c]) => (c as Call).url === '/api/waitlist/w-1/confirm')).toBe(true)
  expect(screen.queryByText('候补（1）')).not.toBeInTheDocument()
})

it('keeps read messages, opens a message’s booking on a tap, and reads them all with 全部已读', async () => {
  const reminder = { ...cancelledNotice, id: 'n-2', kind: 'booking_reminder', title: '明天有预约', body: '红旗社区午餐', bookingId: 'b-2' }
  let allRead = false
  const base = mockRequest.getMockImplementation()!
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/me/notices') {
      const notices = [reminder, cancelledNotice, { ...cancelledNotice, id: 'n-0', title: '预约成功', read: true }].map((n) => ({
        ...n,
        read: n.read || allRead,
      }))
      return Promise.resolve({ statusCode: 200, data: { notices, unread: notices.filter((n) => !n.read).length } })
    }
    if (path === '/api/me/notices/read-all') {
      allRead = true
      return Promise.resolve({ statusCode: 200, data: { read: 2 } })
    }
    if (path === '/api/me/notices/n-2/read') return Promise.resolve({ statusCode: 200, data: { read: true } })
    return base(call)
  })
  render(<BookingsPage />)
  expect(await screen.findByText('消息（2 条未读）')).toBeInTheDocument()
  // The read one is still listed.
  expect(screen.getByText(/^预约成功/)).toBeInTheDocument()

  fireEvent.click(screen.getByText('红旗社区午餐'))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/detail/index?id=b-2' })
  expect(mockRequest.mock.calls.some(([c]) => (c as Call).url === '/api/me/notices/n-2/read')).toBe(true)

  await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部已读' })))
  expect(await screen.findByText('消息')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '知道了' })).not.toBeInTheDocument()
})
