import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Booking } from '@shared/booking'
import type { Facility, FacilityDetail } from '@shared/facility'
import FacilityDetailPage from '@/packages/facility/detail'
import FacilitiesPage from '@/pages/facilities/index'
import ProfilePage from '@/pages/profile/index'
import { Page } from '@/components/Page'
import { StateView } from '@/components/StateView'
import { SIGNED_IN } from './answers'
import { getCurrentPages, mockRequest, navigateBack, navigateTo, setClipboardData, showModal, switchTab, useRouter } from './taro-api'

// The conventions a resident expects of a good mini-program, in the browser build (issue 12, part 4).
type Call = { url: string; method?: string }

const facility = (id: string, name: string, functions: Facility['functions'], extra: Partial<Facility> = {}): Facility => ({
  id,
  name,
  street: '新华路街道',
  community: name.slice(0, 4),
  address: '阎良区',
  areaSqm: 1000,
  functions,
  lat: 34.66,
  lng: 109.23,
  coordinatesApproximate: true,
  isComplex: true,
  isReserve: false,
  hours: [{ days: '周一至周日', opens: '08:00', closes: '20:00' }],
  openNow: { status: 'open', label: '营业中', todayHours: '08:00–20:00', next: '20:00 休息' },
  phone: null,
  ...extra,
})

const HONGQI = facility('yl-hongqi', '红旗社区嵌入式服务设施', ['elderly_care', 'meal', 'culture'], { phone: '029-8616 1234' })
const RENMIN = facility('yl-renmin-donglu', '人民东路社区嵌入式服务设施', ['infant_care', 'meal'], {
  openNow: { status: 'closed', label: '已休息', todayHours: '08:00–20:00', next: '明天 08:00 开门' },
})

const mealBooking: Booking = {
  id: 'b-7',
  code: '20568160',
  status: 'booked',
  sessionId: 's-1',
  facilityId: 'yl-renmin-donglu',
  facilityName: '人民东路社区嵌入式服务设施',
  function: 'meal',
  service: '社区助餐 · 午餐',
  date: '2026-12-02',
  days: ['2026-12-02'],
  part: 'lunch',
  startsAt: '2026-12-02T11:30:00+08:00',
  hours: { from: '11:30', to: '13:00' },
  quantity: 1,
  member: null,
  beneficiaryName: '本人',
  awaitingConfirmation: false,
  offerExpiresAt: null,
  ratingLevel: null,
  quote: { originalFen: 1200, deliveryFeeFen: 0, subsidyFen: 900, payableFen: 300, tier: null, notes: [] },
  cancelUntil: '2026-12-02T09:30:00+08:00',
  cancellable: true,
  cancellableDays: [],
  createdAt: '2026-11-27T10:00:00+08:00',
  history: [{ status: 'booked', at: '2026-11-27T10:00:00+08:00', reason: null }],
}

function api({ bookings = [] as Booking[], detail = undefined as FacilityDetail | undefined } = {}) {
  mockRequest.mockImplementation((call: Call) => {
    const url = new URL(call.url, 'http://localhost')
    if (url.pathname === '/api/auth/dev') return Promise.resolve(SIGNED_IN)
    if (url.pathname === '/api/auth/logout') return Promise.resolve({ statusCode: 200, data: { ok: true } })
    if (url.pathname === '/api/bookings') return Promise.resolve({ statusCode: 200, data: { bookings } })
    if (url.pathname === '/api/me') {
      return Promise.resolve({ statusCode: 200, data: { user: SIGNED_IN.data.user, members: [] } })
    }
    if (url.pathname === '/api/facilities') {
      const q = url.searchParams.get('q')
      const list = [HONGQI, RENMIN].filter((f) => !q || f.name.includes(q))
      return Promise.resolve({ statusCode: 200, data: { facilities: list } })
    }
    if (detail && url.pathname === `/api/facilities/${detail.id}`) return Promise.resolve({ statusCode: 200, data: detail })
    return Promise.reject(new Error(`unexpected ${url.pathname}`))
  })
}

beforeEach(() => {
  mockRequest.mockReset()
  navigateTo.mockClear()
  switchTab.mockClear()
  navigateBack.mockClear()
  useRouter.mockImplementation(() => ({ params: {} }))
})

describe('the first screen', () => {
  it('says on each card whether the facility is open now, with today’s hours', async () => {
    api()
    render(<FacilitiesPage />)
    const card = (await screen.findByText('红旗社区嵌入式服务设施')).closest('.facility-card') as HTMLElement
    expect(within(card).getByText('营业中')).toBeInTheDocument()
    expect(within(card).getByText('今天 08:00–20:00 · 20:00 休息')).toBeInTheDocument()
    const other = screen.getByText('人民东路社区嵌入式服务设施').closest('.facility-card') as HTMLElement
    expect(within(other).getByText('已休息')).toBeInTheDocument()
    expect(within(other).getByText(/明天 08:00 开门/)).toBeInTheDocument()
  })

  it('searches by name, community or street and says when nothing matches', async () => {
    api()
    render(<FacilitiesPage />)
    await screen.findByText('红旗社区嵌入式服务设施')
    fireEvent.change(screen.getByLabelText('搜索设施名、社区或街道'), { target: { value: ' 红旗 ' } })
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(await screen.findByText('共 1 处设施 · 下拉可刷新')).toBeInTheDocument()
    expect(mockRequest.mock.calls.some(([c]) => (c as Call).url === '/api/facilities?q=%E7%BA%A2%E6%97%97')).toBe(true)

    fireEvent.change(screen.getByLabelText('搜索设施名、社区或街道'), { target: { value: '火星' } })
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(await screen.findByText('没有找到「火星」')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '查看全部设施' }))
    expect(await screen.findByText('共 2 处设施 · 下拉可刷新')).toBeInTheDocument()
  })

  it('puts 订餐, 预约托育 and the next booking one tap away, at the kitchen the family last used', async () => {
    api({ bookings: [mealBooking] })
    render(<FacilitiesPage />)
    expect(await screen.findByText('我的下一个预约 ›')).toBeInTheDocument()
    expect(screen.getByText(/社区助餐 · 午餐 · 人民东路社区/)).toBeInTheDocument()
    await screen.findByText('红旗社区嵌入式服务设施')

    fireEvent.click(screen.getByRole('button', { name: '订餐' }))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/meal/order/index?facilityId=yl-renmin-donglu' })
    // No 托育 booked yet: the first open facility that takes it.
    fireEvent.click(screen.getByRole('button', { name: '预约托育' }))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/care/infant/index?facilityId=yl-renmin-donglu' })
    fireEvent.click(screen.getByText('我的下一个预约 ›'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/booking/detail/index?id=b-7' })
  })
})

describe('a facility', () => {
  const detail: FacilityDetail = {
    ...HONGQI,
    district: '阎良区',
    year: 2026,
    investmentWan: 336,
    operatingModels: ['公建民营'],
    functionHours: [],
    operator: null,
    dataNote: null,
    satisfaction: { count: 0, satisfactionRate: null, wouldUseAgainRate: null, dimensions: [] },
    qualifiedIn: null,
    services: [],
  }

  it('offers a tel: link and a map link in a browser, and shares its link', async () => {
    api({ detail })
    useRouter.mockImplementation(() => ({ params: { id: 'yl-hongqi' }, path: '/packages/facility/detail/index' }))
    render(<FacilityDetailPage />)
    const call = await screen.findByRole('link', { name: '打电话 029-8616 1234' })
    expect(call).toHaveAttribute('href', 'tel:02986161234')
    const map = screen.getByRole('link', { name: '地图导航（高德地图）' })
    expect(map.getAttribute('href')).toContain('uri.amap.com/marker?position=109.23,34.66')
    expect(screen.getByText('营业中')).toBeInTheDocument()

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '分享给家人' })))
    expect(setClipboardData).toHaveBeenCalledWith({ data: expect.stringContaining('/#/packages/facility/detail/index?id=yl-hongqi') })
    expect(screen.getByRole('status')).toHaveTextContent('链接已复制')
  })

  it('has 返回 and 首页 on a sub-page in the browser; 返回 from a shared link goes to 首页', async () => {
    useRouter.mockImplementation(() => ({ params: {}, path: '/packages/facility/detail/index' }))
    getCurrentPages.mockImplementation(() => [{}])
    render(<Page title='设施详情'>内容</Page>)
    const nav = screen.getByRole('navigation', { name: '页面导航' })
    fireEvent.click(within(nav).getByRole('button', { name: '‹ 返回' }))
    expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/facilities/index' })
    getCurrentPages.mockImplementation(() => [{}, {}])
    fireEvent.click(within(nav).getByRole('button', { name: '‹ 返回' }))
    expect(navigateBack).toHaveBeenCalled()
  })

  it('shows no such bar on a tab page', () => {
    useRouter.mockImplementation(() => ({ params: {}, path: '/pages/facilities/index' }))
    render(<Page title='设施详情'>内容</Page>)
    expect(screen.queryByRole('navigation', { name: '页面导航' })).not.toBeInTheDocument()
  })

  it('offers 返回首页 beside 重试 on an error', () => {
    render(<StateView kind='error' text='网络连接失败' onRetry={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }))
    expect(switchTab).toHaveBeenLastCalledWith({ url: '/pages/facilities/index' })
  })
})

describe('我的', () => {
  it('signs out on the server and stays signed out until 登录', async () => {
    api()
    render(<ProfilePage />)
    // The page signs in and reads /api/me first.
    await act(() => new Promise((done) => setTimeout(done, 500)))
    await act(async () => fireEvent.click(await screen.findByText('退出登录', { selector: 'button' }, { timeout: 3000 })))
    expect(showModal).toHaveBeenCalled()
    expect(await screen.findByText('已退出登录')).toBeInTheDocument()
    const logout = mockRequest.mock.calls.find(([c]) => (c as Call).url === '/api/auth/logout')
    expect(logout).toBeDefined()

    mockRequest.mockClear()
    await act(async () => fireEvent.click(screen.getByText('登录', { selector: 'button' })))
    await act(() => new Promise((done) => setTimeout(done, 500)))
    expect(await screen.findByText('退出登录', { selector: 'button' }, { timeout: 3000 })).toBeInTheDocument()
    expect(mockRequest.mock.calls.some(([c]) => (c as Call).url === '/api/auth/dev')).toBe(true)
  })
})
