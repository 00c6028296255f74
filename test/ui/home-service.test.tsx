import { act, fireEvent, render, screen } from '@testing-library/react'
import type { HomeRequest } from '@shared/home-service'
import HomeServicePage from '@/packages/facility/home-service'
import { HomeServiceRequests } from '@/packages/staff/components/HomeServiceRequests'
import { addDays, shanghaiToday } from '@/lib/dates'
import { mockRequest, useRouter } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

type Call = { url: string; method?: string; data?: string }
type Answer = { statusCode: number; data: unknown }

// 家政便民 as the persona walk met it: an 82-year-old's choices survive a reload, a second tap after 已提交 keeps the
// confirmation, the server's word on a field is said under it; the clerk who answers a request the resident has just
// cancelled sees it cancelled, not 待受理 with the form still open.

const FACILITY = {
  id: 'yl-hangkong-erlu', name: '航空二路社区嵌入式服务设施', street: '振兴街道办', community: '航空二路', address: '阎良区', areaSqm: 2535,
  functions: ['elderly_care', 'meal', 'housekeeping'], lat: 34.66, lng: 109.23, coordinatesApproximate: true, isComplex: true, isReserve: false,
  district: '阎良区', year: 2024, investmentWan: 630, operatingModels: ['公建民营'], operator: null, functionHours: [], phone: null, hours: [],
  openNow: { status: 'closed', label: '已休息', todayHours: null, next: null }, dataNote: null,
  satisfaction: { count: 0, satisfactionRate: null, wouldUseAgainRate: null, dimensions: [] }, qualifiedIn: null, services: [],
}
const tomorrow = () => addDays(shanghaiToday(), 1)
const request = (status: HomeRequest['status']): HomeRequest => ({
  id: 'hs-1', facilityId: 'yl-hangkong-erlu', facilityName: '航空二路社区嵌入式服务设施', service: 'escort', date: tomorrow(), window: 'morning',
  address: '华宇理想国小区 3 号楼 2 单元 501', phone: '13912345678', notes: null, status, createdAt: '2026-12-01T10:00:00+08:00',
  visitAt: null, priceFen: null, bookingId: null, bookingStatus: null, declineReason: null, cancellable: status === 'requested', lapsed: false,
})

let answers: Record<string, (call: Call) => Answer>
beforeEach(() => {
  mockRequest.mockReset()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-hangkong-erlu' } })
  answers = {
    '/api/auth/dev': () => SIGNED_IN,
    '/api/facilities/yl-hangkong-erlu': () => ({ statusCode: 200, data: FACILITY }),
    '/api/me/home-services': () => ({ statusCode: 200, data: { items: [] } }),
  }
  mockRequest.mockImplementation((call: Call) => {
    const answer = answers[call.url.split('?')[0]]
    return Promise.resolve(answer ? answer(call) : { statusCode: 404, data: { error: { code: 'not_found', message: `unexpected ${call.url}` } } })
  })
})

const settle = () => act(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0))
})
const choose = (name: RegExp) => fireEvent.click(screen.getByRole('radio', { name }))
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value }, detail: { value } })
const submit = async () => {
  fireEvent.click(screen.getByRole('button', { name: '提交申请' }))
  await settle()
}
const fillIn = () => {
  choose(/维修/)
  choose(/^✓?\s*明天/)
  choose(/下午/)
  type('上门地址', '华宇理想国小区 3 号楼 2 单元 501')
  type('联系电话', '13912345678')
}

describe('the resident’s 家政便民 page', () => {
  it('keeps the service, day and window chosen across a reload, as it keeps the address', async () => {
    const first = render(<HomeServicePage />)
    await settle()
    fillIn()
    first.unmount()
    render(<HomeServicePage />)
    await settle()
    for (const name of [/维修/, /^✓?\s*明天/, /下午/]) expect(screen.getByRole('radio', { name }).getAttribute('aria-checked')).toBe('true')
    expect((screen.getByLabelText('上门地址') as HTMLInputElement).value).toBe('华宇理想国小区 3 号楼 2 单元 501')
  })

  it('says the server’s reason under the phone field', async () => {
    answers['/api/home-services'] = () => ({
      statusCode: 400,
      data: { error: { code: 'invalid_input', message: '电话填写有误：手机号应为 11 位数字，以 1 开头', field: 'phone' } },
    })
    render(<HomeServicePage />)
    await settle()
    fillIn()
    type('联系电话', '1391234567')
    await submit()
    expect(screen.getByRole('alert').textContent).toContain('手机号应为 11 位数字')
  })

  it('keeps 已提交 when the button is tapped again after the form emptied', async () => {
    let sent = 0
    answers['/api/home-services'] = () => {
      sent++
      return { statusCode: 201, data: request('requested') }
    }
    render(<HomeServicePage />)
    await settle()
    fillIn()
    await submit()
    expect(screen.getByText(/已提交：维修/)).toBeTruthy()
    await submit()
    expect(screen.getByText(/已提交：维修/)).toBeTruthy()
    expect(screen.queryByText('请选择服务')).toBeNull()
    expect(sent).toBe(1)
  })
  it('asks before 取消申请 withdraws a waiting request: one tap cancels nothing', async () => {
    let cancels = 0
    answers['/api/me/home-services'] = () => ({ statusCode: 200, data: { items: [request(cancels ? 'cancelled' : 'requested')] } })
    answers['/api/me/home-services/hs-1/cancel'] = () => {
      cancels++
      return { statusCode: 200, data: request('cancelled') }
    }
    render(<HomeServicePage />)
    await settle()
    fireEvent.click(screen.getByRole('button', { name: '取消申请' }))
    await settle()
    expect(cancels).toBe(0)
    expect(screen.getByText(/确定取消陪诊（明天 .+ 上午）的申请吗/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '确定取消' }))
    await settle()
    expect(cancels).toBe(1)
    expect(screen.getByText(/陪诊 · 已取消/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '取消申请' })).toBeNull()
  })
})

describe('the clerk’s 家政申请', () => {
  it('shows a request the resident cancelled meanwhile as cancelled, the form closed, when 受理 is refused', async () => {
    let cancelled = false
    answers['/api/staff/facilities/yl-hangkong-erlu/home-services'] = () => ({ statusCode: 200, data: { items: [request(cancelled ? 'cancelled' : 'requested')] } })
    answers['/api/staff/facilities/yl-hangkong-erlu/home-services/hs-1/accept'] = () => ({
      statusCode: 409,
      data: { error: { code: 'invalid_transition', message: '这条申请居民已取消，不能再受理或婉拒' } },
    })
    render(<HomeServiceRequests facilityId='yl-hangkong-erlu' />)
    await settle()
    fireEvent.click(screen.getByRole('button', { name: '受理' }))
    type('上门时间', '09:30')
    type('价格（元）', '50')
    cancelled = true
    fireEvent.click(screen.getByRole('button', { name: '确认受理' }))
    await settle()
    await settle()
    expect(screen.getByText(/陪诊 · 已取消/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '确认受理' })).toBeNull()
    expect(screen.getByText('这条申请居民已取消，不能再受理或婉拒')).toBeTruthy()
  })

  it('says 25:00 is no time of day, not that its format is wrong, and sends nothing', async () => {
    let accepts = 0
    answers['/api/staff/facilities/yl-hangkong-erlu/home-services'] = () => ({ statusCode: 200, data: { items: [request('requested')] } })
    answers['/api/staff/facilities/yl-hangkong-erlu/home-services/hs-1/accept'] = () => {
      accepts++
      return { statusCode: 200, data: request('accepted') }
    }
    render(<HomeServiceRequests facilityId='yl-hangkong-erlu' />)
    await settle()
    fireEvent.click(screen.getByRole('button', { name: '受理' }))
    type('上门时间', '25:00')
    type('价格（元）', '50')
    fireEvent.click(screen.getByRole('button', { name: '确认受理' }))
    await settle()
    expect(screen.getByText('没有 25:00 这个时间，请填写 08:00 到 19:30 之间的时间')).toBeTruthy()
    expect(accepts).toBe(0)
  })
})
