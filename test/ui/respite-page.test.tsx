import { act, fireEvent, render, screen } from '@testing-library/react'
import RespitePage from '@/packages/care/respite'
import { SETTLE_MS } from '@/hooks/use-join-waitlist'
import { mockRequest, redirectTo, switchTab, useRouter } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

type Call = { url: string; method?: string; data?: string }

const night = (date: string, remaining: number) => ({
  id: `yl-jiayuan-respite-${date}`, facilityId: 'yl-jiayuan', function: 'elderly_care', date, part: 'night',
  startsAt: `${date}T18:00:00+08:00`, endsAt: `${date}T08:00:00+08:00`, capacity: 4, remaining,
  bookable: remaining > 0, ...(remaining > 0 ? {} : { reason: 'full' }),
  cutoffAt: `${date}T14:00:00+08:00`, cancelUntil: `${date}T18:00:00+08:00`, maxUnits: 1, priceFen: 12000,
})
const grandmother = {
  id: 'm-gran', name: '王秀英', relation: '祖母', birthDate: '1944-03-02', mobilityNeed: false, dietNotes: null, address: null,
  districtId: null, subsidyCategory: null, subsidyVerified: false, gender: null, allergies: null, healthNotes: null,
  isChild: false, childConsentAt: null,
}
const FULL = '余量不足：11月30日已约满，请选择其他日期或场次'

beforeEach(() => {
  mockRequest.mockReset()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-jiayuan' } })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve(SIGNED_IN)
    }
    if (path === '/api/facilities/yl-jiayuan/sessions') {
      return Promise.resolve({ statusCode: 200, data: { today: '2026-11-27', lastBookableDate: '2027-01-26', maxRunDays: 14, sessions: [night('2026-11-28', 2), night('2026-11-29', 1), night('2026-11-30', 0)] } })
    }
    if (path === '/api/me/members') return Promise.resolve({ statusCode: 200, data: { members: [grandmother] } })
    if (path === '/api/bookings/quote') {
      const first = JSON.parse(call.data ?? '{}').sessionId as string
      return Promise.resolve(
        first.endsWith('2026-11-30')
          ? { statusCode: 409, data: { error: { code: 'full', message: FULL, remaining: 0 } } }
          : { statusCode: 200, data: { originalFen: 12000, deliveryFeeFen: 0, subsidyFen: 0, payableFen: 12000, tier: null, notes: [] } },
      )
    }
    if (path === '/api/waitlist') {
      return Promise.resolve({
        statusCode: 201,
        data: {
          id: 'w-1', status: 'waiting', facilityId: 'yl-jiayuan', facilityName: '佳苑社区嵌入式服务设施', function: 'elderly_care',
          date: '2026-11-30', part: 'night', throughDate: null, className: null, beneficiaryName: '王秀英', position: 1,
          joinedAt: '2026-11-27T10:00:00+08:00', bookingId: null, offerExpiresAt: null, endedReason: null,
        },
      })
    }
    return Promise.reject(new Error(`unexpected ${call.url}`))
  })
})

it('lets a full night be chosen, to join its waitlist', async () => {
  render(<RespitePage />)
  const full = await screen.findByRole('radio', { name: /11月30日/ })
  expect(full).not.toHaveAttribute('aria-disabled', 'true')
  expect(full).toHaveTextContent('已约满 · 可候补')
  fireEvent.click(screen.getByRole('button', { name: '减少晚数' }))
  fireEvent.click(screen.getByRole('button', { name: '减少晚数' }))
  await act(async () => fireEvent.click(full))
  expect(await screen.findByText(FULL, {}, { timeout: 3000 })).toBeInTheDocument()
  // 张桂兰 presses twice: one place in line, and the second tap does not carry her off to the 预约 tab.
  const join = screen.getByRole('button', { name: '加入候补' })
  await act(async () => {
    fireEvent.click(join)
    fireEvent.click(join)
  })
  const joins = mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url === '/api/waitlist' && c.method === 'POST')
  expect(joins).toHaveLength(1)
  expect(JSON.parse(joins[0]?.data ?? '{}')).toMatchObject({ sessionId: 'yl-jiayuan-respite-2026-11-30', memberId: 'm-gran' })
  expect(await screen.findByText('已加入候补，排第 1 位')).toBeInTheDocument()
  const view = screen.getByRole('button', { name: '查看候补' })
  fireEvent.click(view)
  expect(switchTab).not.toHaveBeenCalled()
  await act(() => new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 50)))
  fireEvent.click(view)
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/bookings/index' })
})

it('opened for a facility without 短期托养 (a shared link): says so and leads to the nearest facility that has it', async () => {
  useRouter.mockReturnValue({ params: { facilityId: 'yl-hongqi' } })
  const hongqi = {
    id: 'yl-hongqi', name: '红旗社区嵌入式服务设施', street: '新华路街道', community: '红旗社区', address: '阎良区', areaSqm: 1350,
    functions: ['elderly_care', 'meal'], lat: 34.6534, lng: 109.2301, coordinatesApproximate: true, isComplex: true, isReserve: false,
    district: '阎良区', year: 2026, investmentWan: 336, operatingModels: ['公建民营'], operator: null, phone: null, hours: [], openNow: { status: 'not_open', label: '未开放', todayHours: null, next: null }, dataNote: null,
    satisfaction: { count: 0, satisfactionRate: null, wouldUseAgainRate: null, dimensions: [] }, qualifiedIn: null,
    services: [{ code: 'respite', name: '短期托养', bookable: false, nearest: { facilityId: 'yl-hangkong-erlu', name: '航空二路社区嵌入式服务设施', distanceM: 918 } }],
  }
  const answers: Record<string, unknown> = {
    '/api/facilities/yl-hongqi/sessions': { today: '2026-11-27', lastBookableDate: '2026-12-11', sessions: [] },
    '/api/facilities/yl-hongqi': hongqi,
    '/api/me/members': { members: [grandmother] },
  }
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') return Promise.resolve(SIGNED_IN)
    return path in answers ? Promise.resolve({ statusCode: 200, data: answers[path] }) : Promise.reject(new Error(`unexpected ${call.url}`))
  })
  render(<RespitePage />)
  expect(await screen.findByText('这个设施近期没有开放短期托养')).toBeInTheDocument()
  expect(await screen.findByText('离这里最近、可以预约的是航空二路社区（约 918米）')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '去航空二路社区预约' }))
  expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/care/respite/index?facilityId=yl-hangkong-erlu' })
})
