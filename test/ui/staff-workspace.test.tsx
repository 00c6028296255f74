import { act, fireEvent, render, screen } from '@testing-library/react'
import StaffHomePage from '@/packages/staff/index'
import { mockRequest } from '../ui/taro-api'

type Call = { url: string; method?: string; data?: string }

const roster = (open: boolean) => ({
  facilityId: 'yl-hongqi',
  facilityName: '红旗社区嵌入式服务设施',
  function: 'meal',
  date: '2026-11-28',
  sessions: [
    {
      id: 'lunch-1',
      part: 'lunch',
      startsAt: '2026-11-28T11:30:00+08:00',
      capacity: 40,
      booked: 12,
      open,
      closedReason: open ? null : '厨房设备检修',
      counts: [{ setName: '饺子套餐', fulfilment: 'dine_in', portions: 12 }],
      entries: [],
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
    if (path === '/api/staff/facilities/yl-hongqi/roster') return Promise.resolve({ statusCode: 200, data: roster(!closed) })
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
      return Promise.resolve({ statusCode: 200, data: { closedSessions: 2, cancelledBookings: 12 } })
    }
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

it('shows the portions to cook and refuses a capacity below what is booked, with the numbers', async () => {
  render(<StaffHomePage />)
  expect(await screen.findByText('饺子套餐 · 堂食：12 份')).toBeInTheDocument()
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
  expect(await screen.findByText('已停业，取消了 12 笔预约，居民会收到通知')).toBeInTheDocument()
  expect(await screen.findByText(/已停业：厨房设备检修/)).toBeInTheDocument()
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
