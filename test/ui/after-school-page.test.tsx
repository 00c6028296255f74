import { act, fireEvent, render, screen, within } from '@testing-library/react'
import AfterSchoolPage from '@/packages/care/after-school'
import { mockRequest, redirectTo, useRouter } from '../ui/taro-api'

type Call = { url: string; method?: string; data?: string }

const day = (date: string) => ({
  id: `c-${date}`,
  facilityId: 'yl-hangkong-erlu',
  function: 'child_care',
  date,
  part: 'afternoon',
  startsAt: `${date}T16:30:00+08:00`,
  endsAt: `${date}T19:00:00+08:00`,
  capacity: 30,
  remaining: 30,
  bookable: true,
  cutoffAt: `${date}T14:30:00+08:00`,
  cancelUntil: `${date}T12:30:00+08:00`,
  maxUnits: 1,
})

const kid = {
  id: 'm-kid', name: '张小明', relation: '儿子', birthDate: '2017-09-01', mobilityNeed: false, dietNotes: null, address: null,
  districtId: null, subsidyCategory: null, subsidyVerified: false, gender: 'male', allergies: null, healthNotes: null,
  isChild: true, childConsentAt: '2026-11-27T10:00:00+08:00',
}

beforeEach(() => {
  mockRequest.mockReset()
  redirectTo.mockClear()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-hangkong-erlu' } })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'resident', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/facilities/yl-hangkong-erlu/sessions') {
      // Monday 30 November to Friday 4 December 2026.
      return Promise.resolve({ statusCode: 200, data: { today: '2026-11-27', lastBookableDate: '2026-12-27', sessions: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map(day) } })
    }
    if (path === '/api/me/members') return Promise.resolve({ statusCode: 200, data: { members: [kid] } })
    if (path === '/api/bookings/quote') {
      return Promise.resolve({ statusCode: 200, data: { originalFen: 7500, deliveryFeeFen: 0, subsidyFen: 0, payableFen: 7500, tier: null, notes: [] } })
    }
    if (path === '/api/bookings') return new Promise(() => {})
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

it('asks who collects the child before pricing, and books the rest of the week with them', async () => {
  render(<AfterSchoolPage />)
  expect(await screen.findByText('请填写至少一位接送人和手机号')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('接送人 1'), { target: { value: '张伟（爸爸）' } })
  expect(await screen.findByText('请把接送人的姓名和手机号填完整')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('接送人 1 手机号'), { target: { value: '13800001111' } })
  fireEvent.change(screen.getByLabelText('接送人 2'), { target: { value: '张奶奶' } })
  // A wrong number is said under the field, before anything is sent.
  fireEvent.change(screen.getByLabelText('接送人 2 手机号'), { target: { value: '23600004444' } })
  expect(await screen.findByText('手机号应为 11 位数字，以 1 开头')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('接送人 2 手机号'), { target: { value: '13600004444' } })
  const confirm = await screen.findByRole('button', { name: '确认预约 · 75 元' })
  await act(async () => fireEvent.click(confirm))
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/bookings')
  expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({
    sessionId: 'c-2026-11-30',
    memberId: 'm-kid',
    collectors: [
      { name: '张伟（爸爸）', phone: '13800001111' },
      { name: '张奶奶', phone: '13600004444' },
    ],
    throughDate: '2026-12-04',
  })
})

it('offers the waitlist when the week is full, and shows the place in line once joined', async () => {
  const answer = mockRequest.getMockImplementation()
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/bookings/quote') {
      return Promise.resolve({ statusCode: 409, data: { error: { code: 'full', message: '余量不足：12月2日已约满，请选择其他日期或场次', remaining: 0 } } })
    }
    if (path === '/api/waitlist') {
      return Promise.resolve({
        statusCode: 201,
        data: {
          id: 'w-1', status: 'waiting', facilityId: 'yl-hangkong-erlu', facilityName: '航空二路', function: 'child_care',
          date: '2026-11-30', part: 'afternoon', throughDate: '2026-12-04', className: null, beneficiaryName: '张小明',
          position: 3, joinedAt: '2026-11-27T10:00:00+08:00', bookingId: null, offerExpiresAt: null, endedReason: null,
        },
      })
    }
    return answer?.(call)
  })
  render(<AfterSchoolPage />)
  fireEvent.change(await screen.findByLabelText('接送人 1'), { target: { value: '张伟（爸爸）' } })
  fireEvent.change(screen.getByLabelText('接送人 1 手机号'), { target: { value: '13800001111' } })
  expect(await screen.findByText(/12月2日已约满/)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /确认预约/ })).not.toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '加入候补' })))
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/waitlist')
  expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({ sessionId: 'c-2026-11-30', throughDate: '2026-12-04', collectors: [{ name: '张伟（爸爸）', phone: '13800001111' }] })
  expect(await screen.findByText('已加入候补，排第 3 位')).toBeInTheDocument()
})

it('offers only the children 托管 takes: a toddler is neither listed nor preselected, and is told why', async () => {
  const toddler = { ...kid, id: 'm-toddler', name: '张小宝', birthDate: '2024-06-01' }
  const answer = mockRequest.getMockImplementation()
  mockRequest.mockImplementation((call: Call) =>
    call.url.split('?')[0] === '/api/me/members'
      ? Promise.resolve({ statusCode: 200, data: { members: [toddler, kid] } })
      : answer?.(call),
  )
  render(<AfterSchoolPage />)
  expect(await screen.findByText('儿童托管接收 6 到 13 周岁的孩子；张小宝是 29 个月，不在可选之列')).toBeInTheDocument()
  const group = screen.getByRole('radiogroup', { name: '孩子' })
  expect(within(group).queryByText(/张小宝/)).not.toBeInTheDocument()
  expect(within(group).getByRole('radio', { checked: true })).toHaveTextContent('张小明')
})
