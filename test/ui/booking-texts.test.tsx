import { render, screen } from '@testing-library/react'
import type { Booking } from '@shared/booking'
import BookingDetailPage from '@/packages/booking/detail'
import BookingsPage from '@/pages/bookings/index'
import { mockRequest, useRouter } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

const WEEK = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']

const base: Booking = {
  id: 'b-1',
  code: '20568160',
  status: 'booked',
  sessionId: 's-1',
  facilityId: 'yl-renmin-donglu',
  facilityName: '人民东路社区嵌入式服务设施',
  function: 'meal',
  service: '社区助餐 · 午餐',
  date: WEEK[0],
  days: [WEEK[0]],
  part: 'lunch',
  startsAt: `${WEEK[0]}T11:30:00+08:00`,
  hours: { from: '11:30', to: '13:00' },
  quantity: 1,
  member: { id: 'm-1', name: '周小满' },
  beneficiaryName: '周小满',
  awaitingConfirmation: false,
  offerExpiresAt: null,
  ratingLevel: null,
  quote: { originalFen: 10000, deliveryFeeFen: 0, subsidyFen: 0, payableFen: 10000, tier: null, notes: [] },
  cancelUntil: `${WEEK[0]}T08:00:00+08:00`,
  cancellable: true,
  cancellableDays: [],
  createdAt: '2026-11-27T10:00:00+08:00',
  history: [{ status: 'booked', at: '2026-11-27T10:00:00+08:00', reason: null }],
}

// A morning of 半日托 for two days: the day's session is part 全天 from 08:00, but this booking is the morning.
const halfDay: Booking = {
  ...base,
  id: 'b-half',
  function: 'infant_care',
  service: '婴幼儿托育 · 半日托（上午）',
  days: WEEK.slice(0, 2),
  part: 'full_day',
  startsAt: `${WEEK[0]}T08:00:00+08:00`,
  hours: { from: '08:00', to: '12:00' },
  care: { service: '半日托（上午 08:00–12:00）', days: WEEK.slice(0, 2).map((date) => ({ date, className: '乳儿班' })) },
}

const afterSchoolWeek: Booking = {
  ...base,
  id: 'b-week',
  facilityId: 'yl-hangkong-erlu',
  facilityName: '航空二路社区嵌入式服务设施',
  function: 'child_care',
  service: '儿童托管 · 放学后托管',
  days: WEEK,
  part: 'afternoon',
  startsAt: `${WEEK[0]}T16:30:00+08:00`,
  hours: { from: '16:30', to: '19:00' },
  member: { id: 'm-2', name: '张小明' },
  beneficiaryName: '张小明',
  collectors: [{ name: '张伟', phone: '13800001111' }],
}

function answer(bookings: Booking[]) {
  mockRequest.mockImplementation(({ url }: { url: string }) => {
    const path = url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve(SIGNED_IN)
    }
    if (path === '/api/bookings') return Promise.resolve({ statusCode: 200, data: { bookings } })
    const one = bookings.find((b) => path === `/api/bookings/${b.id}`)
    if (one) return Promise.resolve({ statusCode: 200, data: one })
    if (path === '/api/me/notices') return Promise.resolve({ statusCode: 200, data: { notices: [], unread: 0 } })
    if (path === '/api/waitlist') return Promise.resolve({ statusCode: 200, data: { entries: [] } })
    return Promise.reject(new Error(`unexpected ${path}`))
  })
}

beforeEach(() => mockRequest.mockReset())

it('names the service on every booking card, with all its days and its hours', async () => {
  answer([base, halfDay, afterSchoolWeek])
  render(<BookingsPage />)
  expect(await screen.findByText('社区助餐 · 午餐')).toBeInTheDocument()
  expect(screen.getByText('婴幼儿托育 · 半日托（上午）')).toBeInTheDocument()
  expect(screen.getByText('儿童托管 · 放学后托管')).toBeInTheDocument()
  expect(screen.getByText('11月30日 周一 11:30–13:00')).toBeInTheDocument()
  expect(screen.getByText('11月30日 周一 至 12月1日 周二，共 2 天 · 每天 08:00–12:00')).toBeInTheDocument()
  expect(screen.getByText('11月30日 周一 至 12月4日 周五，共 5 天 · 每天 16:30–19:00')).toBeInTheDocument()
  expect(screen.queryByText(/全天/)).not.toBeInTheDocument()
})

it('tells a parent who just booked 半日托 when to show the code, and heads it as booked, not 全天', async () => {
  answer([halfDay])
  useRouter.mockReturnValue({ params: { id: 'b-half', placed: '1' } })
  render(<BookingDetailPage />)
  expect(await screen.findByText('预约成功！请在送孩子入托时向工作人员出示下面的核销码。')).toBeInTheDocument()
  expect(screen.getByText('婴幼儿托育 · 半日托（上午）')).toBeInTheDocument()
  expect(screen.getByText('11月30日 周一 至 12月1日 周二，共 2 天 · 每天 08:00–12:00')).toBeInTheDocument()
  expect(document.body.textContent).not.toMatch(/用餐|全天/)
})

it('lists every day of a week of 托管, not only the first', async () => {
  answer([afterSchoolWeek])
  useRouter.mockReturnValue({ params: { id: 'b-week', placed: '1' } })
  render(<BookingDetailPage />)
  expect(await screen.findByText('预约成功！请在孩子到托管点时向工作人员出示下面的核销码。')).toBeInTheDocument()
  for (const day of ['11月30日 周一', '12月1日 周二', '12月2日 周三', '12月3日 周四', '12月4日 周五']) {
    expect(screen.getByText(day)).toBeInTheDocument()
  }
})
