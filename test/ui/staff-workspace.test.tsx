import { act, fireEvent, render, screen, within } from '@testing-library/react'
import StaffHomePage from '@/packages/staff/index'
import { useTimeZone } from '../support/time-zone'
import { mockRequest } from '../ui/taro-api'

type Call = { url: string; method?: string; data?: string }

// The roster of the day and service asked for (the page shows only the one it asked for).
const roster = (open: boolean, date = '2026-11-28') => ({
  facilityId: 'yl-hongqi',
  facilityName: '红旗社区嵌入式服务设施',
  function: 'meal',
  date,
  sessions: [
    {
      id: 'lunch-1',
      part: 'lunch',
      startsAt: '2026-11-28T11:30:00+08:00',
      capacity: 40,
      booked: 12,
      open,
      closedReason: open ? null : '厨房设备检修',
      activityTitle: null,
      counts: [{ setName: '饺子套餐', fulfilment: 'dine_in', portions: 12 }],
      entries: [
        {
          id: 'b-1', code: '25720671', status: 'booked', beneficiaryName: '张桂兰', age: 82, quantity: 1, setName: '饺子套餐',
          fulfilment: 'dine_in', deliveryAddress: null, dietNotes: '低盐', allergies: null, className: null, collectors: null,
          awaitingConfirmation: false, payableFen: 300,
        },
      ],
    },
  ],
})

let closed = false
let template: object[] = []
beforeEach(() => {
  closed = false
  template = [
    { weekday: 0, part: 'lunch', starts: '11:30', ends: '13:00', capacity: 40, sets: [{ name: '饺子套餐', dishes: ['饺子'], tags: ['低盐'], priceFen: 1200 }] },
  ]
  mockRequest.mockReset()
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'operator_staff', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/staff/facilities') {
      return Promise.resolve({ statusCode: 200, data: { facilities: [{ id: 'yl-hongqi', name: '红旗社区嵌入式服务设施', functions: ['meal'], access: 'operate' }] } })
    }
    if (path === '/api/staff/facilities/yl-hongqi/roster') {
      return Promise.resolve({ statusCode: 200, data: roster(!closed, new URLSearchParams(call.url.split('?')[1]).get('date') ?? '') })
    }
    if (path === '/api/staff/facilities/yl-hongqi/sessions/lunch-1') {
      return Promise.resolve({ statusCode: 409, data: { error: { code: 'capacity_below_booked', message: '这一场已有 12 份预约，容量不能少于 12' } } })
    }
    if (path === '/api/staff/facilities/yl-hongqi/suspensions') return Promise.resolve({ statusCode: 200, data: { suspensions: [] } })
    if (path === '/api/staff/facilities/yl-hongqi/meal-template' && call.method !== 'PUT') return Promise.resolve({ statusCode: 200, data: { entries: template } })
    if (path === '/api/staff/facilities/yl-hongqi/meal-template/2/breakfast') {
      const entry = JSON.parse(call.data ?? '{}')
      template = [...template, { weekday: 2, part: 'breakfast', ...entry }]
      return Promise.resolve({ statusCode: 200, data: { entries: template } })
    }
    if (path === '/api/staff/facilities/yl-hongqi/meal-template/publish') return Promise.resolve({ statusCode: 200, data: { created: 2 } })
    if (path === '/api/staff/facilities/yl-hongqi/close') {
      closed = true
      return Promise.resolve({ statusCode: 200, data: { closedSessions: 1, cancelledBookings: 12, refunds: 2, alreadyStarted: ['午餐'] } })
    }
    if (path === '/api/staff/facilities/yl-hongqi/reopen') {
      closed = false
      return Promise.resolve({ statusCode: 200, data: { reopenedSessions: 2, cancelledBookings: 12 } })
    }
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

it('shows the portions to cook and refuses a capacity below what is booked, with the numbers', async () => {
  render(<StaffHomePage />)
  expect(await screen.findByText('饺子套餐 · 堂食：12 份')).toBeInTheDocument()
  // The list that is printed for the kitchen: the day in words, who and what, never the check-in code.
  expect(document.querySelector('.roster__title')?.textContent).toMatch(/^红旗社区嵌入式服务设施 · 社区助餐 · \d{1,2}月\d{1,2}日 周[一二三四五六日]$/)
  expect(screen.getByText(/张桂兰（82 岁）/)).toBeInTheDocument()
  expect(screen.queryByText('还没有预约')).not.toBeInTheDocument()
  expect(document.body.textContent).not.toContain('25720671')
  fireEvent.change(screen.getByLabelText('容量（份）'), { target: { value: '10' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存容量' })))
  expect(await screen.findByText('这一场已有 12 份预约，容量不能少于 12')).toBeInTheDocument()
})

it('closes the day only after a reason and a confirmation, and tells how many bookings were cancelled', async () => {
  render(<StaffHomePage />)
  await screen.findByText('饺子套餐 · 堂食：12 份')
  const close = screen.getByRole('button', { name: '停业并通知居民' })
  expect(close).toBeDisabled()
  fireEvent.change(screen.getByLabelText('停业原因'), { target: { value: '厨房设备检修' } })
  fireEvent.click(screen.getByRole('button', { name: '停业并通知居民' }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确定停业' })))
  // Closed at noon: lunch went ahead, two residents paid for dinner at check-in and are to be refunded.
  expect(await screen.findByText(/^.*已停业，取消了 12 笔预约，居民会收到通知；其中 2 笔已签到付款，请为居民退款；已经开始的午餐照常，不受影响$/)).toBeInTheDocument()
  expect(await screen.findByText(/（已停业：厨房设备检修）/)).toBeInTheDocument()
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url.endsWith('/close'))
  expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({ function: 'meal', reason: '厨房设备检修' })
})

it('adds Wednesday breakfast to the weekly plan from typed lines, then publishes the coming two weeks', async () => {
  render(<StaffHomePage />)
  await screen.findByText('饺子套餐 · 堂食：12 份')
  expect(await screen.findByDisplayValue('饺子套餐 | 饺子 | 低盐 | 12')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '周三' }))
  fireEvent.click(screen.getByRole('radio', { name: '早餐' }))
  expect(screen.getByText('周三早餐：还没有菜单，填写后保存即可开放')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('开始'), { target: { value: '07:00' } })
  fireEvent.change(screen.getByLabelText('结束'), { target: { value: '08:30' } })
  fireEvent.change(screen.getByLabelText('套餐'), { target: { value: '小米粥套餐 | 小米粥、鸡蛋 | 低盐 | 5' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存周三早餐' })))
  const put = mockRequest.mock.calls.map(([c]) => c as Call & { method?: string }).find((c) => c.method === 'PUT')
  expect(JSON.parse(put?.data ?? '{}')).toEqual({
    starts: '07:00',
    ends: '08:30',
    capacity: 40,
    sets: [{ name: '小米粥套餐', dishes: ['小米粥', '鸡蛋'], tags: ['低盐'], priceFen: 500 }],
  })
  expect(await screen.findByText('周三早餐：已有菜单')).toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '发布未来两周菜单' })))
  expect(await screen.findByText('新发布了 2 餐，居民现在可以预约')).toBeInTheDocument()
})

it('reopens a closed day from its 停业 card, saying the cancelled bookings are not restored', async () => {
  closed = true
  render(<StaffHomePage />)
  expect(await screen.findByText(/社区助餐已停业：厨房设备检修/)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '停业并通知居民' })).not.toBeInTheDocument()
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '恢复营业' })))
  expect(await screen.findByText('已恢复营业；停业时取消的 12 笔预约不会自动恢复，请通知居民重新预约')).toBeInTheDocument()
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url.endsWith('/reopen'))
  expect(JSON.parse(sent?.data ?? '{}')).toEqual({ function: 'meal', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
  // The roster is read again: the day is open, and can be closed again.
  expect(await screen.findByRole('button', { name: '停业并通知居民' })).toBeInTheDocument()
  expect(screen.queryByText(/已停业：厨房设备检修/)).not.toBeInTheDocument()
})

it('never says 还没有预约 above a listed booking, whatever the service', async () => {
  const careRoster = (date: string) => ({
    facilityId: 'yl-hongqi',
    facilityName: '红旗社区嵌入式服务设施',
    function: 'meal',
    date,
    sessions: [
      {
        id: 'lunch-1', part: 'lunch', startsAt: `${date}T11:30:00+08:00`, capacity: 40, booked: 1, open: true, closedReason: null, activityTitle: null,
        // No portions to cook (a care place, or a cancelled order), yet a booking is listed.
        counts: [],
        entries: [
          {
            id: 'b-1', code: '12345678', status: 'booked', beneficiaryName: '张桂兰', age: 82, quantity: 1, setName: null, fulfilment: null,
            deliveryAddress: null, dietNotes: null, allergies: null, className: null, collectors: null, awaitingConfirmation: false, payableFen: 500,
          },
        ],
      },
      { id: 'dinner-1', part: 'dinner', startsAt: `${date}T17:30:00+08:00`, capacity: 30, booked: 0, open: true, closedReason: null, activityTitle: null, counts: [], entries: [] },
    ],
  })
  const base = mockRequest.getMockImplementation()!
  mockRequest.mockImplementation((call: Call) =>
    call.url.split('?')[0] === '/api/staff/facilities/yl-hongqi/roster'
      ? Promise.resolve({ statusCode: 200, data: careRoster(new URLSearchParams(call.url.split('?')[1]).get('date') ?? '') })
      : base(call),
  )
  render(<StaffHomePage />)
  const entry = await screen.findByText(/张桂兰/)
  const lunch = entry.closest('.roster__session') as HTMLElement
  expect(within(lunch).queryByText('还没有预约')).not.toBeInTheDocument()
  const dinner = screen.getByText(/晚餐 · 已订 0 \/ 30/).closest('.roster__session') as HTMLElement
  expect(within(dinner).getByText('还没有预约')).toBeInTheDocument()
})

describe('on a tablet set to UTC', () => {
  useTimeZone('UTC')
  beforeAll(() => {
    // 07:00 on Wednesday 2 December in Xi'an is still Tuesday 1 December in UTC. Only the clock is faked.
    jest.useFakeTimers({ now: new Date('2026-12-02T07:00:00+08:00'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'] })
  })
  afterAll(() => jest.useRealTimers())

  it('shows and closes the facility’s day, not the day before', async () => {
    expect(new Date().getDate()).toBe(1) // the tablet's own calendar says the 1st
    render(<StaffHomePage />)
    await screen.findByText('饺子套餐 · 堂食：12 份')
    const asked = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url.includes('/roster'))
    expect(new URLSearchParams(asked?.url.split('?')[1]).get('date')).toBe('2026-12-02')
    expect(screen.getByRole('radio', { name: /今天 12月2日 周三/ })).toBeChecked()
    expect(screen.getByText('停业 · 12月2日 周三')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('停业原因'), { target: { value: '停水' } })
    fireEvent.click(screen.getByRole('button', { name: '停业并通知居民' }))
    expect(screen.getByText('将取消 12月2日 周三 全部社区助餐预约，确定吗？')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确定停业' })))
    const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url.endsWith('/close'))
    expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({ date: '2026-12-02' })
  })
})
