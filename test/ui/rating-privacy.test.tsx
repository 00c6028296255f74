import { render, screen } from '@testing-library/react'
import type { RectificationCase } from '@shared/rating'
import RatePage from '@/packages/booking/rate'
import CasesPage from '@/packages/staff/cases'
import { mockRequest, useRouter } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

const openCase: RectificationCase = {
  id: 'c-1',
  status: 'open',
  facilityId: 'yl-jiayuan',
  service: '社区助餐 · 午餐',
  serviceDate: '2026-11-26',
  level: 1,
  levelName: '非常不满意',
  scores: { attitude: 2, quality: 1, environment: 3, price: 2 },
  comment: '菜是凉的',
  openedAt: '2026-11-26T13:00:00+08:00',
  dueDate: '2026-12-17',
  overdue: false,
  callbackNote: null,
  answer: null,
}

beforeEach(() => {
  mockRequest.mockReset()
  mockRequest.mockImplementation(({ url }: { url: string }) => {
    if (url === '/api/auth/dev') {
      return Promise.resolve(SIGNED_IN)
    }
    if (url.startsWith('/api/staff/facilities/yl-jiayuan/cases')) return Promise.resolve({ statusCode: 200, data: { cases: [openCase] } })
    return Promise.reject(new Error(`unexpected ${url}`))
  })
})

it('tells the resident exactly what the facility sees of a rating', () => {
  useRouter.mockReturnValue({ params: { id: 'b-1' } })
  render(<RatePage />)
  expect(screen.getByText(/设施只看到评价内容、服务和日期，看不到您的姓名和核销码/)).toBeInTheDocument()
  expect(screen.queryByText(/设施看不到您是谁/)).not.toBeInTheDocument()
})

it('shows the operator a 差评 by service and day, never by booking code, and says how the answer reaches the resident', async () => {
  useRouter.mockReturnValue({ params: { facilityId: 'yl-jiayuan' } })
  render(<CasesPage />)
  expect(await screen.findByText('非常不满意 · 2026-11-26 · 社区助餐 · 午餐')).toBeInTheDocument()
  expect(screen.getByText(/不显示评价居民的姓名和核销码/)).toBeInTheDocument()
  expect(document.body.textContent).not.toMatch(/核销码 \d/)
})
