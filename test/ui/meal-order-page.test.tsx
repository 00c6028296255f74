import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Booking, Session } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import MealOrderPage from '@/packages/meal/order'
import { getLocation, mockRequest, navigateTo, redirectTo, useRouter } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

type Call = { url: string; method?: string; header: Record<string, string>; data?: string }

const lunch = (date: string, remaining: number, bookable = true): Session => ({
  id: `f-meal-${date}-lunch`,
  facilityId: 'yl-hongqi',
  function: 'meal',
  date,
  part: 'lunch',
  startsAt: `${date}T11:30:00+08:00`,
  endsAt: `${date}T13:00:00+08:00`,
  capacity: 40,
  remaining,
  bookable,
  ...(bookable ? {} : { reason: 'past_cutoff' as const }),
  cutoffAt: `${date}T09:30:00+08:00`,
  cancelUntil: `${date}T09:30:00+08:00`,
  maxUnits: 5,
  sets: [
    { id: `s-${date}-1`, name: '红烧鸡腿套餐', dishes: ['红烧鸡腿', '米饭'], tags: ['低盐'], priceFen: 1200 },
    { id: `s-${date}-2`, name: '鸡蛋羹软食套餐', dishes: ['鸡蛋羹', '软米饭'], tags: ['软食', '低盐'], priceFen: 1200 },
  ],
})

const mother: FamilyMember = {
  id: 'm-1',
  name: '王秀英',
  relation: '母亲',
  birthDate: '1944-03-02',
  mobilityNeed: false,
  dietNotes: '少糖',
  address: null,
  districtId: 'xa-yanliang',
  subsidyCategory: null,
  subsidyVerified: false,
  gender: null,
  allergies: null,
  healthNotes: null,
  isChild: false,
  childConsentAt: null,
}

const quote = { originalFen: 1200, deliveryFeeFen: 0, subsidyFen: 900, payableFen: 300, tier: '80 周岁及以上老人', notes: [] as string[] }
const booking: Booking = {
  id: 'b-1',
  code: '20568160',
  status: 'booked',
  sessionId: 'f-meal-2026-11-28-lunch',
  facilityId: 'yl-hongqi',
  facilityName: '红旗社区嵌入式服务设施',
  function: 'meal',
  service: '社区助餐 · 午餐',
  date: '2026-11-28',
  days: ['2026-11-28'],
  part: 'lunch',
  startsAt: '2026-11-28T11:30:00+08:00',
  hours: { from: '11:30', to: '13:00' },
  quantity: 1,
  member: { id: 'm-1', name: '王秀英' },
  beneficiaryName: '王秀英',
  awaitingConfirmation: false,
  offerExpiresAt: null,
  ratingLevel: null,
  meal: { setName: '红烧鸡腿套餐', dishes: ['红烧鸡腿', '米饭'], fulfilment: 'dine_in', deliveryAddress: null },
  quote,
  cancelUntil: '2026-11-28T09:30:00+08:00',
  cancellable: true,
  cancellableDays: [],
  createdAt: '2026-11-27T10:00:00+08:00',
  history: [{ status: 'booked', at: '2026-11-27T10:00:00+08:00', reason: null }],
}

const sessionList = {
  today: '2026-11-27',
  lastBookableDate: '2026-12-04',
  sessions: [lunch('2026-11-27', 0, false), lunch('2026-11-28', 3)],
  meal: { deliveryFeeFen: 300, deliveryRadiusM: 3000, deliveryMinAge: 80 },
}

/** The API as the page meets it; `onBook` decides what POST /api/bookings answers. */
function api(onBook: (call: Call) => Promise<unknown>) {
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve(SIGNED_IN)
    }
    if (path === '/api/facilities/yl-hongqi/sessions') return Promise.resolve({ statusCode: 200, data: sessionList })
    if (path === '/api/me/members') return Promise.resolve({ statusCode: 200, data: { members: [mother] } })
    if (path === '/api/bookings/quote') return Promise.resolve({ statusCode: 200, data: quote })
    if (path === '/api/bookings') return onBook(call)
    return Promise.reject(new Error(`unexpected ${path}`))
  })
}

const bookingCalls = () => mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url === '/api/bookings')

beforeEach(() => {
  mockRequest.mockReset()
  redirectTo.mockClear()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-hongqi' } })
})

it('opens on the first bookable lunch for the first family member and shows the server’s price', async () => {
  api(() => new Promise(() => {}))
  render(<MealOrderPage />)
  expect(await screen.findByRole('radio', { name: /✓ 明天 11月28日/ })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('radio', { name: /今天 11月27日/ })).toHaveAttribute('aria-disabled', 'true')
  expect(screen.getByText('剩 3 份 · 09:30 截止')).toBeInTheDocument()
  expect(screen.getByText(/【软食 · 低盐】/)).toBeInTheDocument()
  expect(await screen.findByRole('radio', { name: /✓ 王秀英/ })).toBeInTheDocument()
  expect(screen.getByText('饮食禁忌：少糖')).toBeInTheDocument()
  expect(await screen.findByText('补贴（80 周岁及以上老人）')).toBeInTheDocument()
  expect(screen.getByText('3 元')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '确认预约 · 到店付 3 元' })).not.toBeDisabled()
})

it('retries a lost answer with the same Idempotency-Key, and opens the booking when it arrives', async () => {
  let attempt = 0
  api(() => {
    attempt++
    if (attempt === 1) return Promise.reject(new Error('timeout'))
    return Promise.resolve({ statusCode: 201, data: booking })
  })
  render(<MealOrderPage />)
  const confirm = await screen.findByRole('button', { name: '确认预约 · 到店付 3 元' })
  await act(async () => fireEvent.click(confirm))
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认预约 · 到店付 3 元' })))

  const [first, second] = bookingCalls()
  expect(first.header['idempotency-key']).toMatch(/^tap-/)
  expect(second.header['idempotency-key']).toBe(first.header['idempotency-key'])
  expect(JSON.parse(second.data ?? '{}')).toMatchObject({ memberId: 'm-1', quantity: 1, expectedPayableFen: 300 })
  await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/detail/index?id=b-1&placed=1' }))
})

it('shows what remains when the lunch sold out meanwhile, and asks the menu again', async () => {
  api(() =>
    Promise.resolve({ statusCode: 409, data: { error: { code: 'full', message: '余量不足：本场只剩 1 份，请减少数量', remaining: 1 } } }),
  )
  render(<MealOrderPage />)
  const plus = await screen.findByRole('button', { name: '增加份数' })
  fireEvent.click(plus)
  fireEvent.click(plus)
  expect(screen.getByText('3 份')).toBeInTheDocument()
  const sessionReads = () => mockRequest.mock.calls.filter(([c]) => (c as Call).url.includes('/sessions')).length
  const before = sessionReads()
  await waitFor(() => expect(screen.getByRole('button', { name: /确认预约 · / })).not.toBeDisabled())
  await act(async () => fireEvent.click(screen.getByRole('button', { name: /确认预约 · / })))
  expect(await screen.findByText('余量不足：本场只剩 1 份，请减少数量')).toBeInTheDocument()
  await waitFor(() => expect(sessionReads()).toBe(before + 1))
  expect(redirectTo).not.toHaveBeenCalled()
})

it('back from 预约成功, 确认预约 again: shows the server’s refusal naming the booking, and opens that booking', async () => {
  const message = '王秀英 已预约 11月28日 午餐（红旗社区），不能重复预约'
  api(() => Promise.resolve({ statusCode: 409, data: { error: { code: 'already_booked', message, bookingId: 'b-1' } } }))
  render(<MealOrderPage />)
  const confirm = await screen.findByRole('button', { name: '确认预约 · 到店付 3 元' })
  await act(async () => fireEvent.click(confirm))
  expect(await screen.findByText(message)).toBeInTheDocument()
  expect(redirectTo).not.toHaveBeenCalled()
  navigateTo.mockClear()
  fireEvent.click(screen.getByRole('button', { name: '查看已有预约' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/detail/index?id=b-1' })
})

it('offline: the price cannot be asked, says so and offers 重试, which asks again', async () => {
  api(() => new Promise(() => {}))
  const online = mockRequest.getMockImplementation() as (call: Call) => Promise<unknown>
  let offline = true
  mockRequest.mockImplementation((call: Call) =>
    offline && call.url === '/api/bookings/quote' ? Promise.reject(new Error('request:fail')) : online(call),
  )
  render(<MealOrderPage />)
  expect(await screen.findByText('网络连接失败，请检查网络后重试', {}, { timeout: 3000 })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '确认预约' })).toBeDisabled()
  offline = false
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })))
  expect(await screen.findByRole('button', { name: '确认预约 · 到店付 3 元' }, { timeout: 3000 })).not.toBeDisabled()
})

it('送餐上门 in a browser: takes where the phone is (WGS-84) and sends it as GCJ-02, the facilities’ datum', async () => {
  api(() => new Promise(() => {}))
  render(<MealOrderPage />)
  await screen.findByRole('radio', { name: /✓ 明天 11月28日/ })
  await act(async () => fireEvent.click(await screen.findByRole('radio', { name: /送餐上门/ }, { timeout: 3000 })))
  fireEvent.input(screen.getByLabelText('送餐地址'), { target: { value: '凤凰路 12 号 3 单元' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '用我现在的位置作为送餐位置' })))
  expect(getLocation).toHaveBeenLastCalledWith({ type: 'wgs84' })
  expect(await screen.findByRole('button', { name: '✓ 已定位，重新定位' })).toBeInTheDocument()
  await waitFor(() => {
    const quoted = mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url === '/api/bookings/quote').at(-1)
    const delivery = JSON.parse(quoted?.data ?? '{}').meal.delivery
    expect(delivery.address).toBe('凤凰路 12 号 3 单元')
    expect(delivery.lat).toBeCloseTo(34.652227, 6)
    expect(delivery.lng).toBeCloseTo(109.235168, 6)
  })
})

/** The desk's answers: signed in as staff, the week's meals, the walk-in residents registered so far, and `more`. */
function answerAsDesk(walkIns: FamilyMember[], more: Record<string, { statusCode: number; data: unknown }>) {
  useRouter.mockReturnValue({ params: { facilityId: 'yl-hongqi', desk: '1' } })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'operator_staff', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/facilities/yl-hongqi/sessions') return Promise.resolve({ statusCode: 200, data: sessionList })
    if (path === '/api/staff/facilities/yl-hongqi/walk-ins') return Promise.resolve({ statusCode: 200, data: { members: walkIns } })
    const answer = more[path.replace('/api/staff/facilities/yl-hongqi/', '')]
    return answer ? Promise.resolve(answer) : Promise.reject(new Error(`unexpected ${path}`))
  })
}

it('at the desk: orders for a registered walk-in resident through the staff endpoint and shows the code to tell them', async () => {
  answerAsDesk([{ ...mother, id: 'm-walk', name: '孙桂兰' }], {
    'walk-in-bookings/quote': { statusCode: 200, data: quote },
    'walk-in-bookings': { statusCode: 201, data: { ...booking, member: { id: 'm-walk', name: '孙桂兰' }, beneficiaryName: '孙桂兰' } },
  })
  render(<MealOrderPage />)
  expect(await screen.findByRole('radio', { name: /✓ 孙桂兰/ })).toBeInTheDocument()
  expect(screen.queryByRole('radio', { name: /本人/ })).not.toBeInTheDocument()
  const confirm = await screen.findByRole('button', { name: '确认预约 · 到店付 3 元' })
  await act(async () => fireEvent.click(confirm))
  expect(await screen.findByText('已为 孙桂兰 预约，核销码 2056 8160，请告知居民')).toBeInTheDocument()
  const sent = bookingCalls()
  expect(sent).toHaveLength(0)
  const desk = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/staff/facilities/yl-hongqi/walk-in-bookings')
  expect(desk?.header['idempotency-key']).toMatch(/^tap-/)
  expect(redirectTo).not.toHaveBeenCalled()
})

it('at the desk before any walk-in resident is registered: asks for no quote, so the clerk reads no error', async () => {
  answerAsDesk([], {
    'walk-in-bookings/quote': { statusCode: 400, data: { error: { code: 'invalid_input', message: '请选择为哪位居民预约', field: 'memberId' } } },
  })
  render(<MealOrderPage />)
  expect(await screen.findByRole('radio', { name: /✓ 明天 11月28日/ })).toHaveAttribute('aria-checked', 'true')
  // Longer than the quote's 250 ms pause: a quote would have been asked for and answered by now.
  await act(() => new Promise((resolve) => setTimeout(resolve, 600)))
  const quoted = mockRequest.mock.calls.map(([c]) => (c as Call).url).filter((url) => url.includes('walk-in-bookings/quote'))
  expect(quoted).toEqual([])
  expect(screen.queryByText(/请选择为哪位居民预约/)).not.toBeInTheDocument()
  expect(screen.queryByRole('radio', { name: /本人/ })).not.toBeInTheDocument()
  // What to do instead of a price that never comes.
  expect(screen.getByText('请先登记来订餐的居民，再计算价格')).toBeInTheDocument()
  expect(screen.queryByText('正在计算价格…')).not.toBeInTheDocument()
})

it('opened for a facility with no meals to book (a shared link to 凌云): says so and leads to the nearest kitchen', async () => {
  useRouter.mockReturnValue({ params: { facilityId: 'yl-lingyun' } })
  const lingyun = {
    id: 'yl-lingyun', name: '凌云社区嵌入式服务设施', street: '新华路街道', community: '凌云社区', address: '阎良区', areaSqm: 1870,
    functions: ['culture', 'elderly_care'], lat: 34.66, lng: 109.23, coordinatesApproximate: true, isComplex: true, isReserve: true,
    district: '阎良区', year: 2025, investmentWan: 1300, operatingModels: ['公办民营'], operator: null, phone: null, hours: [], openNow: { status: 'not_open', label: '未开放', todayHours: null, next: null }, dataNote: null,
    satisfaction: { count: 0, satisfactionRate: null, wouldUseAgainRate: null, dimensions: [] }, qualifiedIn: null,
    services: [{ code: 'meal', name: '社区助餐', bookable: false, nearest: { facilityId: 'yl-hongqi', name: '红旗社区嵌入式服务设施', distanceM: 1200 } }],
  }
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') return Promise.resolve(SIGNED_IN)
    if (path === '/api/facilities/yl-lingyun/sessions') return Promise.resolve({ statusCode: 200, data: { today: '2026-11-27', lastBookableDate: '2026-12-04', sessions: [] } })
    if (path === '/api/facilities/yl-lingyun') return Promise.resolve({ statusCode: 200, data: lingyun })
    if (path === '/api/me/members') return Promise.resolve({ statusCode: 200, data: { members: [] } })
    return Promise.reject(new Error(`unexpected ${call.url}`))
  })
  render(<MealOrderPage />)
  expect(await screen.findByText('这个设施近期没有可预约的餐次')).toBeInTheDocument()
  expect(await screen.findByText(/离这里最近、可以预约的是红旗社区/)).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '去红旗社区预约' }))
  expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/meal/order/index?facilityId=yl-hongqi' })
})
