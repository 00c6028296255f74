import { act, fireEvent, render, screen, within } from '@testing-library/react'
import QualifiedOperatorsPage from '@/packages/facility/qualified/index'
import EvaluationPage from '@/packages/staff/evaluation/index'
import { mockRequest } from '../ui/taro-api'

type Call = { url: string; method?: string }

const metrics = {
  operatorId: null,
  operatorName: null,
  function: 'meal',
  completed: 0,
  noShows: 0,
  utilisation: null,
  completionRate: null,
  noShowRate: null,
  satisfactionRate: null,
  meanLevel: null,
  adjustedScore: null,
  willingnessRate: null,
  rectificationOnTimeRate: null,
  overdueCases: 0,
}
const rows = [
  { ...metrics, facilityId: 'yl-hongqi', facilityName: '红旗社区嵌入式服务设施', bookings: 9, ratings: 4, composite: 70.7, rank: 1, insufficientData: false, insufficientReason: null },
  {
    ...metrics,
    facilityId: 'yl-jiayuan',
    facilityName: '佳苑社区嵌入式服务设施',
    bookings: 2,
    ratings: 2,
    composite: 96.31,
    rank: null,
    insufficientData: true,
    insufficientReason: '数据不足：本期预约 2 次，少于 5 次；评价 2 条，少于 3 条',
  },
]
const list = {
  period: '2026-Q3',
  districtName: '阎良区',
  computedAt: '2026-10-01T00:05:00+08:00',
  criteria: { minRatings: 10, minSatisfaction: 0.9, maxOverdue: 0 },
  operators: [
    { operatorId: 'op-a', operatorName: '佳苑社区综合服务运营方', qualified: true, reasons: [], ratings: 12, satisfactionRate: 1, overdueCases: 0 },
    { operatorId: 'op-b', operatorName: '红旗社区综合服务运营方', qualified: false, verdict: 'insufficient_data', reasons: ['本期评价 4 条，不足 10 条'], ratings: 4, satisfactionRate: 0.75, overdueCases: 0 },
  ],
}
/** A quiet period: nobody has enough ratings to be judged. */
let previewed = list

// What the server says: the caller may publish or not; a period has ended once the test says so (no wall clock).
let canPublish = false
let ended = false
let publishedPeriods: string[] = []
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data })
beforeEach(() => {
  canPublish = false
  ended = false
  publishedPeriods = []
  previewed = list
  mockRequest.mockReset()
  mockRequest.mockImplementation((call: Call) => {
    const [path, query = ''] = call.url.split('?')
    const period = new URLSearchParams(query).get('period') ?? ''
    if (path === '/api/auth/dev') {
      return ok({ token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'government_staff', nickname: null, createdAt: '' } })
    }
    if (path === '/api/evaluation') {
      return ok({ period, from: '2026-10-01', to: '2026-10-31', ended, canPublish, prior: { mean: 4, weight: 10 }, rankMinimum: { bookings: 5, ratings: 3 }, rows })
    }
    if (path === '/api/evaluation/coverage') return ok({ communities: 0, functions: [] })
    if (path === '/api/evaluation/cases/overdue') return ok({ cases: [] })
    if (path === '/api/evaluation/qualified/preview') return ok({ ...previewed, period, replaces: null })
    if (path === '/api/evaluation/qualified' && call.method === 'POST') return ok({ ...list, period })
    if (path === '/api/operators/qualified/periods') return ok({ periods: publishedPeriods })
    if (path === '/api/operators/qualified') return ok(list)
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

const calls = (path: string) => mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.split('?')[0] === path)

it('shows street staff the ranking without any 发布 button, and 数据不足 instead of a rank', async () => {
  render(<EvaluationPage />)
  const ranked = (await screen.findByText(/红旗社区嵌入式服务设施/)).closest('[role="row"]') as HTMLElement
  expect(within(ranked).getByText('1')).toBeInTheDocument()
  const short = screen.getByText(/佳苑社区嵌入式服务设施/).closest('[role="row"]') as HTMLElement
  expect(within(short).getByText('数据不足')).toBeInTheDocument()
  expect(within(short).getByText('数据不足：本期预约 2 次，少于 5 次；评价 2 条，少于 3 条')).toBeInTheDocument()
  // No rank and no composite to compare for the row without enough data.
  expect(within(short).queryByText(/^\d+$/)).toBeNull()
  expect(within(short).queryByText(/96\.31/)).toBeNull()
  expect(screen.queryByRole('button', { name: /发布/ })).toBeNull()
  expect(screen.queryByText(/发布/)).toBeNull()
})

it('shows district staff a preview of an ended period’s list, then publishes it on 确认发布 naming the period', async () => {
  canPublish = true
  render(<EvaluationPage />)
  // The period shown first (this month) has not ended: nothing to publish yet, and it says when.
  expect(await screen.findByText(/结束后才能发布/)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /发布/ })).toBeNull()

  ended = true
  const lastMonth = screen.getAllByRole('radio').find((r) => r.textContent?.startsWith('上月')) as HTMLElement
  const period = lastMonth.getAttribute('data-value') ?? ''
  const [year, month] = period.split('-').map(Number)
  await act(async () => fireEvent.click(lastMonth))
  const preview = await screen.findByRole('button', { name: `预览 ${year} 年 ${month} 月合格运营商名单` })
  await act(async () => fireEvent.click(preview))

  expect(await screen.findByText(/还没有发布/)).toBeInTheDocument()
  expect(screen.getByText(/红旗社区综合服务运营方/)).toBeInTheDocument()
  expect(screen.getByText('本期评价 4 条，不足 10 条')).toBeInTheDocument()
  expect(calls('/api/evaluation/qualified')).toHaveLength(0)

  // 陈科长 taps twice: one list is published.
  const confirm = screen.getByRole('button', { name: `确认发布 ${year} 年 ${month} 月合格运营商名单` })
  await act(async () => {
    fireEvent.click(confirm)
    fireEvent.click(confirm)
  })
  expect(await screen.findByText(`已发布 ${year} 年 ${month} 月合格运营商名单，居民现在可以看到`)).toBeInTheDocument()
  const posts = calls('/api/evaluation/qualified')
  expect(posts).toHaveLength(1)
  expect(posts[0]).toMatchObject({ method: 'POST', url: `/api/evaluation/qualified?period=${period}` })
})

it('warns before publishing a period in which nobody could be judged, and names 数据不足 as such', async () => {
  canPublish = true
  ended = true
  previewed = { ...list, operators: list.operators.map((o) => ({ ...o, qualified: false, verdict: 'insufficient_data' as const, ratings: 0 })) }
  render(<EvaluationPage />)
  const lastMonth = (await screen.findAllByRole('radio')).find((r) => r.textContent?.startsWith('上月')) as HTMLElement
  await act(async () => fireEvent.click(lastMonth))
  await act(async () => fireEvent.click(await screen.findByRole('button', { name: /^预览/ })))
  expect(await screen.findByText(/名单上将全部是「数据不足，未评定」，没有一家合格/)).toBeInTheDocument()
  expect(screen.getByText(/数据不足，未评定 · 红旗社区综合服务运营方/)).toBeInTheDocument()
  expect(screen.queryByText(/未达标/)).toBeNull()
})

it('titles the public list with the district, the period and the day it was published', async () => {
  publishedPeriods = ['2026-Q3']
  render(<QualifiedOperatorsPage />)
  expect(await screen.findByText('阎良区 2026 年第三季度 合格社区服务运营商名单')).toBeInTheDocument()
  expect(screen.getByText(/2026-10-01 发布/)).toBeInTheDocument()
})

it('says plainly when no list has been published yet', async () => {
  render(<QualifiedOperatorsPage />)
  expect(await screen.findByText('还没有发布合格运营商名单')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  expect(calls('/api/operators/qualified')).toHaveLength(0)
})
