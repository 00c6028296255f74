import { act, fireEvent, render, screen } from '@testing-library/react'
import DeskPage from '@/packages/staff/desk'
import { mockRequest, useRouter } from '../ui/taro-api'

type Call = { url: string; method?: string; data?: string }

const stay = (awaiting: boolean) => ({
  entry: {
    id: 'b-stay', code: '12345678', status: 'booked', beneficiaryName: '王秀英', age: 82, quantity: 1, setName: null,
    fulfilment: null, deliveryAddress: null, dietNotes: null, allergies: null, className: null, collectors: null,
    awaitingConfirmation: awaiting, payableFen: 36000,
  },
  facilityId: 'yl-jiayuan',
  date: '2026-11-30',
  part: 'night',
  startsAt: '2026-11-30T18:00:00+08:00',
  quote: { originalFen: 36000, deliveryFeeFen: 0, subsidyFen: 0, payableFen: 36000, tier: null, notes: [] },
})

let assessed = false
beforeEach(() => {
  assessed = false
  mockRequest.mockReset()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-jiayuan' } })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'operator_staff', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/staff/facilities/yl-jiayuan/bookings') return Promise.resolve({ statusCode: 200, data: stay(!assessed) })
    if (path === '/api/staff/facilities/yl-jiayuan/bookings/b-stay/care-level') {
      assessed = true
      return Promise.resolve({ statusCode: 200, data: { confirmed: 1 } })
    }
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

it('records the care level of a stay awaiting confirmation, and shows it confirmed', async () => {
  render(<DeskPage />)
  fireEvent.change(screen.getByLabelText('核销码'), { target: { value: '12345678' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '查找' })))
  expect(await screen.findByText('待确认：请完成老年人能力评估并记录')).toBeInTheDocument()
  const record = screen.getByRole('button', { name: '记录评估并确认入住' })
  expect(record).toBeDisabled()
  fireEvent.click(screen.getByRole('radio', { name: '轻度失能' }))
  await act(async () => fireEvent.click(record))
  expect(await screen.findByText('已记录「轻度失能」，托养已确认')).toBeInTheDocument()
  expect(screen.queryByText('待确认：请完成老年人能力评估并记录')).not.toBeInTheDocument()
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url.endsWith('/care-level'))
  expect(JSON.parse(sent?.data ?? '{}')).toEqual({ level: '轻度失能' })
})
