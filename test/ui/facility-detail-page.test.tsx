import { act, fireEvent, render, screen } from '@testing-library/react'
import type { FacilityDetail, FacilityService } from '@shared/facility'
import FacilityDetailPage from '@/packages/facility/detail'
import { mockRequest, navigateTo, useDidShow, useRouter } from '../ui/taro-api'

const service = (code: FacilityService['code'], name: string, nearest: FacilityService['nearest'] = null): FacilityService => ({
  code,
  name,
  bookable: nearest === null,
  nearest,
})

const detail = (id: string, name: string, extra: Partial<FacilityDetail>): FacilityDetail => ({
  id,
  name,
  street: '新华路街道',
  community: name.slice(0, 4),
  address: '阎良区',
  areaSqm: 1350,
  functions: ['elderly_care', 'meal', 'culture'],
  lat: 34.66,
  lng: 109.23,
  coordinatesApproximate: true,
  isComplex: true,
  isReserve: false,
  district: '阎良区',
  year: 2026,
  investmentWan: 336,
  operatingModels: ['公建民营'],
  operator: null,
  functionHours: [],
  phone: null,
  hours: [],
  openNow: { status: 'closed', label: '已休息', todayHours: null, next: null },
  dataNote: null,
  satisfaction: { count: 0, satisfactionRate: null, wouldUseAgainRate: null, dimensions: [] },
  qualifiedIn: null,
  services: [],
  ...extra,
})

const HONGQI = { facilityId: 'yl-hongqi', name: '红旗社区嵌入式服务设施', distanceM: 1937 }
const JIAYUAN = { facilityId: 'yl-jiayuan', name: '佳苑社区嵌入式服务设施', distanceM: 650 }
const FACILITIES: Record<string, FacilityDetail> = {
  'yl-lingyun': detail('yl-lingyun', '凌云社区嵌入式服务设施', {
    isReserve: true,
    functions: ['elderly_care', 'child_care', 'health', 'culture'],
    hours: [{ days: '周一至周日', opens: '08:00', closes: '20:00' }],
    services: [service('day_care', '日间照料', HONGQI), service('respite', '短期托养', JIAYUAN), service('after_school', '儿童托管', JIAYUAN)],
  }),
  'yl-hongqi': detail('yl-hongqi', '红旗社区嵌入式服务设施', {
    services: [
      service('meal', '社区助餐'),
      service('day_care', '日间照料'),
      service('respite', '短期托养', { facilityId: 'yl-hangkong-erlu', name: '航空二路社区嵌入式服务设施', distanceM: 917 }),
    ],
  }),
  'yl-jiayuan': detail('yl-jiayuan', '佳苑社区嵌入式服务设施', { services: [service('respite', '短期托养')] }),
  'yl-hangkong-erlu': detail('yl-hangkong-erlu', '航空二路社区嵌入式服务设施', { functions: ['elderly_care', 'meal', 'housekeeping'] }),
}

let showPage: () => void = () => undefined

beforeEach(() => {
  mockRequest.mockReset()
  navigateTo.mockClear()
  mockRequest.mockImplementation(({ url }: { url: string }) => {
    const id = decodeURIComponent(url.replace('/api/facilities/', ''))
    const found = FACILITIES[id]
    return Promise.resolve(found ? { statusCode: 200, data: found } : { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到' } } })
  })
  useDidShow.mockImplementation((callback: () => void) => {
    showPage = callback
  })
  window.location.hash = ''
})

it('offers no 预约 at a reserve project, and points each service to the nearest facility that has it', async () => {
  useRouter.mockReturnValue({ params: { id: 'yl-lingyun' } })
  render(<FacilityDetailPage />)
  expect(await screen.findByText('储备项目：设施还没有建成开放，暂时不能在这里预约。')).toBeInTheDocument()
  expect(screen.getByText('规划提供的服务')).toBeInTheDocument()
  expect(screen.getByText('尚未建成开放')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /^预约/ })).not.toBeInTheDocument()
  expect(screen.queryByText(/08:00–20:00/)).not.toBeInTheDocument()
  expect(screen.getByText('日间照料：本设施暂时不能预约。离这里最近、可以预约的是红旗社区（约 1.9公里）')).toBeInTheDocument()
  expect(screen.getByText('短期托养：本设施暂时不能预约。离这里最近、可以预约的是佳苑社区（约 650米）')).toBeInTheDocument()

  fireEvent.click(screen.getByRole('button', { name: '查看红旗社区' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/facility/detail/index?id=yl-hongqi' })
})

it('offers 预约 only for the services open here', async () => {
  useRouter.mockReturnValue({ params: { id: 'yl-hongqi' } })
  render(<FacilityDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '预约日间照料' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/care/day-care/index?facilityId=yl-hongqi' })
  expect(screen.getByRole('button', { name: '预约社区助餐' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '预约短期托养' })).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: '查看航空二路社区' })).toBeInTheDocument()
})

it('follows the address when the page is shown again for another ?id= (H5 reuses the page by path)', async () => {
  useRouter.mockReturnValue({ params: { id: 'yl-lingyun' } })
  render(<FacilityDetailPage />)
  expect(await screen.findByText('凌云社区嵌入式服务设施')).toBeInTheDocument()

  window.location.hash = '#/packages/facility/detail/index?id=yl-jiayuan'
  act(() => showPage())
  expect(await screen.findByText('佳苑社区嵌入式服务设施')).toBeInTheDocument()
  expect(screen.queryByText('凌云社区嵌入式服务设施')).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: '预约短期托养' })).toBeInTheDocument()
})

it('offers 家政便民 as a request where the facility has it, and nowhere else', async () => {
  useRouter.mockReturnValue({ params: { id: 'yl-hangkong-erlu' } })
  render(<FacilityDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '申请家政上门服务' }))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/facility/home-service/index?facilityId=yl-hangkong-erlu' })
})

it('offers no 家政便民 request at a facility without it', async () => {
  useRouter.mockReturnValue({ params: { id: 'yl-hongqi' } })
  render(<FacilityDetailPage />)
  expect(await screen.findByRole('button', { name: '预约社区助餐' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '申请家政上门服务' })).not.toBeInTheDocument()
})
