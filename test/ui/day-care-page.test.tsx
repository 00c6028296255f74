import { act, fireEvent, render, screen } from '@testing-library/react'
import DayCarePage from '@/packages/care/day-care'
import { mockRequest, navigateTo, useRouter } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

type Call = { url: string; method?: string; data?: string }

const session = (fn: string, part: string, date: string, extra: object = {}) => ({
  id: `${fn}-${part}-${date}`, facilityId: 'yl-hongqi', function: fn, date, part,
  startsAt: `${date}T08:30:00+08:00`, endsAt: `${date}T17:00:00+08:00`, capacity: 20, remaining: 20, bookable: true,
  cutoffAt: `${date}T08:00:00+08:00`, cancelUntil: `${date}T08:00:00+08:00`, maxUnits: 1, ...extra,
})
const father = {
  id: 'm-dad', name: '孙德明', relation: '父亲', birthDate: '1941-04-12', mobilityNeed: false, dietNotes: null, address: null,
  districtId: null, subsidyCategory: null, subsidyVerified: false, gender: null, allergies: null, healthNotes: null,
  isChild: false, childConsentAt: null,
}

beforeEach(() => {
  mockRequest.mockReset()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-hongqi' } })
  mockRequest.mockImplementation((call: Call) => {
    const [path, query] = call.url.split('?')
    if (path === '/api/auth/dev') {
      return Promise.resolve(SIGNED_IN)
    }
    if (path === '/api/facilities/yl-hongqi/sessions' && query.includes('function=elderly_care')) {
      return Promise.resolve({ statusCode: 200, data: { today: '2026-11-27', lastBookableDate: '2026-12-11', sessions: [session('elderly_care', 'full_day', '2026-11-30', { priceFen: 3000 })] } })
    }
    if (path === '/api/facilities/yl-hongqi/sessions' && query.includes('function=meal')) {
      const sets = [{ id: 'set-soft', name: '软食套餐', dishes: ['蒸蛋', '南瓜粥'], tags: ['软食'], priceFen: 1500 }]
      return Promise.resolve({ statusCode: 200, data: { today: '2026-11-27', lastBookableDate: '2026-12-04', sessions: [session('meal', 'lunch', '2026-11-30', { sets })] } })
    }
    if (path === '/api/me/members') return Promise.resolve({ statusCode: 200, data: { members: [father] } })
    if (path === '/api/bookings/quote') {
      // What the server quotes for a day with lunch: both, as paid at the counter (30 元 + the subsidised 3 元).
      const withLunch = JSON.parse(call.data ?? '{}').lunch !== undefined
      return Promise.resolve({
        statusCode: 200,
        data: withLunch
          ? { originalFen: 4500, deliveryFeeFen: 0, subsidyFen: 1200, payableFen: 3300, tier: '80 周岁及以上老人', notes: ['日间照料 30 元', '另订午餐「软食套餐」，在设施用餐，个人支付 3 元（单独一张助餐预约，可单独取消）'] }
          : { originalFen: 3000, deliveryFeeFen: 0, subsidyFen: 0, payableFen: 3000, tier: null, notes: [] },
      })
    }
    if (path === '/api/bookings') return new Promise(() => {})
    return Promise.reject(new Error(`unexpected ${call.url}`))
  })
})

it('adds lunch from that day’s menu to a day place and books both in one tap, at the price of both', async () => {
  render(<DayCarePage />)
  expect(await screen.findByText(/余 20 个名额 · 30 元/)).toBeInTheDocument()
  expect(await screen.findByRole('button', { name: '确认预约 · 30 元' }, { timeout: 3000 })).toBeInTheDocument()
  await act(async () => fireEvent.click(await screen.findByText('软食套餐')))
  const confirm = await screen.findByRole('button', { name: '确认预约 · 33 元' }, { timeout: 3000 })
  expect(screen.getByText(/另订午餐「软食套餐」/)).toBeInTheDocument()
  await act(async () => fireEvent.click(confirm))
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/bookings')
  expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({
    sessionId: 'elderly_care-full_day-2026-11-30',
    memberId: 'm-dad',
    lunch: { setId: 'set-soft' },
    expectedPayableFen: 3300,
  })
})

it('says the elder already has that day, before any tap, with the way to open the booking', async () => {
  const message = '孙德明 已预约 11月30日 日间照料（红旗社区），不能重复预约'
  const answer = mockRequest.getMockImplementation()!
  mockRequest.mockImplementation((call: Call) =>
    call.url === '/api/bookings/quote'
      ? Promise.resolve({ statusCode: 409, data: { error: { code: 'already_booked', message, bookingId: 'b-held' } } })
      : answer(call),
  )
  render(<DayCarePage />)
  expect(await screen.findByText(message, undefined, { timeout: 3000 })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '确认预约' })).toBeDisabled()
  navigateTo.mockClear()
  fireEvent.click(screen.getByRole('button', { name: '查看已有预约' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/detail/index?id=b-held' })
})
