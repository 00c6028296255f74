import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Facility } from '@shared/facility'
import FacilitiesPage from '@/pages/facilities/index'
import { SIGNED_IN } from './answers'
import { getLocation, mockRequest, navigateTo } from '../ui/taro-api'

const facility = (id: string, name: string, functions: Facility['functions'], distanceM?: number): Facility => ({
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
  phone: '029-86800001',
  ...(distanceM === undefined ? {} : { distanceM }),
})

const ALL = [
  facility('a', '红旗社区嵌入式服务设施', ['elderly_care', 'meal', 'culture']),
  facility('b', '凌云社区嵌入式服务设施', ['elderly_care', 'child_care', 'culture']),
]

type RequestOptions = { url: string }

/** Answers like the API: filters by `function`, adds distances when a position is sent. */
function answerLikeTheApi(options: RequestOptions) {
  const url = new URL(options.url, 'http://localhost')
  // The quick tasks above the list: the resident signs in and has no bookings yet.
  if (url.pathname === '/api/auth/dev') return Promise.resolve(SIGNED_IN)
  if (url.pathname === '/api/bookings') return Promise.resolve({ statusCode: 200, data: { bookings: [] } })
  if (url.pathname === '/api/me/announcements') return Promise.resolve({ statusCode: 200, data: { community: null, items: [] } })
  const fn = url.searchParams.get('function')
  const near = url.searchParams.has('lat')
  const facilities = ALL.filter((f) => !fn || f.functions.includes(fn as Facility['functions'][number])).map((f, i) =>
    near ? { ...f, distanceM: 350 + i * 1000 } : f,
  )
  return Promise.resolve({ statusCode: 200, data: { facilities } })
}

beforeEach(() => {
  mockRequest.mockReset()
  navigateTo.mockClear()
})

it('lists facilities with their functions and filters by function', async () => {
  mockRequest.mockImplementation(answerLikeTheApi)
  render(<FacilitiesPage />)

  expect(await screen.findByText('红旗社区嵌入式服务设施')).toBeInTheDocument()
  expect(screen.getByText('凌云社区嵌入式服务设施')).toBeInTheDocument()
  expect(screen.getByText('共 2 处设施 · 下拉可刷新')).toBeInTheDocument()

  fireEvent.click(screen.getByRole('radio', { name: '社区助餐' }))
  expect(await screen.findByText('共 1 处设施 · 下拉可刷新')).toBeInTheDocument()
  expect(screen.queryByText('凌云社区嵌入式服务设施')).not.toBeInTheDocument()
  expect(screen.getByRole('radio', { name: '✓ 社区助餐' })).toHaveAttribute('aria-checked', 'true')
  expect(mockRequest.mock.calls.at(-1)?.[0].url).toBe('/api/facilities?function=meal')
})

it('shows an honest empty state and a way back to all facilities', async () => {
  mockRequest.mockImplementation(answerLikeTheApi)
  render(<FacilitiesPage />)
  await screen.findByText('红旗社区嵌入式服务设施')

  fireEvent.click(screen.getByRole('radio', { name: '儿童游憩' }))
  expect(await screen.findByText('附近暂时没有提供这项服务的设施')).toBeInTheDocument()
  fireEvent.click(screen.getByText('查看全部设施'))
  expect(await screen.findByText('共 2 处设施 · 下拉可刷新')).toBeInTheDocument()
})

it('asks for the position only when distances are wanted, then shows them', async () => {
  mockRequest.mockImplementation(answerLikeTheApi)
  render(<FacilitiesPage />)
  await screen.findByText('红旗社区嵌入式服务设施')
  expect(getLocation).not.toHaveBeenCalled()

  await act(async () => {
    fireEvent.click(screen.getByText('按距离排序'))
  })
  expect(getLocation).toHaveBeenCalledTimes(1)
  expect(getLocation).toHaveBeenCalledWith({ type: 'wgs84' })
  const card = (await screen.findByText('350米')).closest('.facility-card') as HTMLElement
  expect(within(card).getByText('红旗社区嵌入式服务设施')).toBeInTheDocument()
  // The browser's WGS-84 position, sent as GCJ-02 like the facilities' own (a few hundred metres east here).
  expect(mockRequest.mock.calls.at(-1)?.[0].url).toBe('/api/facilities?lat=34.652227&lng=109.235168')
})

it('keeps the list usable when the position is refused', async () => {
  mockRequest.mockImplementation(answerLikeTheApi)
  getLocation.mockRejectedValueOnce(new Error('auth deny'))
  render(<FacilitiesPage />)
  await screen.findByText('红旗社区嵌入式服务设施')
  // The position of the previous test is still known this visit: go back to name order first.
  fireEvent.click(screen.getByText('按名称排序'))
  await act(async () => {
    fireEvent.click(screen.getByText('按距离排序'))
  })
  expect(await screen.findByText(/没有获得您的位置，仍按名称排序/)).toBeInTheDocument()
  expect(screen.getByText('共 2 处设施 · 下拉可刷新')).toBeInTheDocument()
})

it('shows the server’s Chinese message on failure and retries', async () => {
  mockRequest.mockImplementation((options: RequestOptions) =>
    options.url.startsWith('/api/facilities')
      ? Promise.resolve({ statusCode: 503, data: { error: { code: 'internal', message: '系统繁忙，请稍后再试' } } })
      : answerLikeTheApi(options),
  )
  render(<FacilitiesPage />)
  expect(await screen.findByRole('alert')).toHaveTextContent('系统繁忙，请稍后再试')

  mockRequest.mockImplementation(answerLikeTheApi)
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('红旗社区嵌入式服务设施')).toBeInTheDocument()
})

it('opens the detail page in its subpackage', async () => {
  mockRequest.mockImplementation(answerLikeTheApi)
  render(<FacilitiesPage />)
  fireEvent.click(await screen.findByText('凌云社区嵌入式服务设施'))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/facility/detail/index?id=b' })
})

it('turns elder mode on from the first screen', async () => {
  mockRequest.mockImplementation(answerLikeTheApi)
  const { container } = render(<FacilitiesPage />)
  await screen.findByText('红旗社区嵌入式服务设施')
  const root = container.querySelector('.page') as HTMLElement
  expect(root.style.fontSize).toBe('15px')
  fireEvent.click(screen.getByText('长辈版（大字）'))
  expect(root).toHaveClass('page--elder')
  expect(root.style.fontSize).toBe('20px')
  expect(screen.getByText('长辈版：已开启')).toBeInTheDocument()
})

it('shows an unread 公告 above the services until 知道了, and a gateway’s odd answer breaks nothing', async () => {
  const notice = {
    id: 'an-1', kind: 'policy', title: '高龄津贴申领提醒', body: '80 周岁以上老人可到社区申领。', from: '区里', streetId: null,
    publishedAt: '2026-11-30T10:00:00+08:00', untilOn: '2026-12-14',
  }
  let read = false
  mockRequest.mockImplementation((options: RequestOptions & { method?: string }) => {
    const path = new URL(options.url, 'http://localhost').pathname
    if (path === '/api/me/announcements') return Promise.resolve({ statusCode: 200, data: { community: null, items: read ? [] : [notice] } })
    if (path === '/api/announcements/an-1/read') {
      read = true
      return Promise.resolve({ statusCode: 200, data: { community: null, items: [] } })
    }
    return answerLikeTheApi(options)
  })
  render(<FacilitiesPage />)
  expect(await screen.findByText('高龄津贴申领提醒')).toBeInTheDocument()
  expect(screen.getByText('设置我住的社区，看本街道的公告')).toBeInTheDocument()
  await act(async () => {
    fireEvent.click(screen.getByText('知道了'))
  })
  expect(screen.queryByText('高龄津贴申领提醒')).not.toBeInTheDocument()
  expect(read).toBe(true)
  expect(screen.getByText('红旗社区嵌入式服务设施')).toBeInTheDocument()
})

it('keeps the first screen when the announcements answer is not one (a proxy’s page)', async () => {
  mockRequest.mockImplementation((options: RequestOptions) =>
    new URL(options.url, 'http://localhost').pathname === '/api/me/announcements'
      ? Promise.resolve({ statusCode: 200, data: { unexpected: true } })
      : answerLikeTheApi(options),
  )
  render(<FacilitiesPage />)
  expect(await screen.findByText('红旗社区嵌入式服务设施')).toBeInTheDocument()
  expect(screen.queryByText('知道了')).not.toBeInTheDocument()
})
