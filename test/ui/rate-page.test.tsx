import { act, fireEvent, render, screen } from '@testing-library/react'
import RatePage from '@/packages/booking/rate'
import { mockRequest, redirectTo, useRouter } from '../ui/taro-api'

type Call = { url: string; method?: string; data?: string }

beforeEach(() => {
  mockRequest.mockReset()
  redirectTo.mockClear()
  useRouter.mockReturnValue({ params: { id: 'b-1' } })
  mockRequest.mockImplementation((call: Call) => {
    if (call.url === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'resident', nickname: null, createdAt: '' } } })
    }
    if (call.url === '/api/bookings/b-1/rating') {
      const body = JSON.parse(call.data ?? '{}')
      if (body.level === 1) {
        return Promise.resolve({ statusCode: 409, data: { error: { code: 'rating_window_closed', message: '服务完成后 30 天内可以评价，这笔预约已过评价期' } } })
      }
      return Promise.resolve({
        statusCode: 201,
        data: { id: 'r-1', bookingId: 'b-1', level: body.level, levelName: '满意', scores: body.scores, wouldUseAgain: body.wouldUseAgain, comment: body.comment ?? null, createdAt: '2026-11-27T12:00:00+08:00', rectification: null },
      })
    }
    return Promise.reject(new Error(`unexpected ${call.url}`))
  })
})

const choose = (group: string, option: string) => {
  const radios = screen.getByRole('radiogroup', { name: group })
  fireEvent.click(Array.from(radios.children).find((c) => c.textContent?.replace('✓', '').trim() === option) as Element)
}

it('asks for the level and 使用意愿 first; the four scores and the comment are optional, behind their own buttons', async () => {
  render(<RatePage />)
  const submit = screen.getByRole('button', { name: '请先选择上面两项' })
  expect(submit).toBeDisabled()
  expect(screen.queryByRole('radiogroup', { name: '服务态度' })).not.toBeInTheDocument()
  choose('总体评价', '满意')
  choose('使用意愿', '不愿意')
  expect(screen.getByRole('button', { name: '提交评价' })).toBeEnabled()
  fireEvent.click(screen.getByRole('button', { name: '分项打分（选填）' }))
  for (const d of ['服务态度', '服务质量', '环境与安全', '价格合理']) choose(d, '4')
  fireEvent.click(screen.getByRole('button', { name: '写几句话（选填）' }))
  fireEvent.input(screen.getByLabelText('想说的话'), { target: { value: '排队有点久' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交评价' })))
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/bookings/b-1/rating')
  expect(JSON.parse(sent?.data ?? '{}')).toEqual({
    level: 4,
    scores: { attitude: 4, quality: 4, environment: 4, price: 4 },
    wouldUseAgain: false,
    comment: '排队有点久',
  })
  expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/detail/index?id=b-1&rated=1' })
})

it('sends the level alone when no score was given', async () => {
  render(<RatePage />)
  choose('总体评价', '基本满意')
  choose('使用意愿', '愿意')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交评价' })))
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/bookings/b-1/rating')
  expect(JSON.parse(sent?.data ?? '{}')).toEqual({ level: 3, wouldUseAgain: true })
})

it('says why a rating was refused and keeps what was chosen', async () => {
  render(<RatePage />)
  choose('总体评价', '非常不满意')
  choose('使用意愿', '不愿意')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交评价' })))
  expect(await screen.findByText('服务完成后 30 天内可以评价，这笔预约已过评价期')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '提交评价' })).toBeEnabled()
})
