import { act, fireEvent, render, screen } from '@testing-library/react'
import DeskPage, { SETTLE_MS } from '@/packages/staff/desk'
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
  undoable: false,
  service: '短期托养',
  allowed: { checkIn: true, complete: false, noShow: false },
  notNow: null,
})

// 张桂兰's dinner at 红旗社区, as the desk finds it in each state, after 17:30 on its day (or on another day).
const dinner = (status: string, undoable = false, otherDay = false) => ({
  entry: {
    id: 'b-dinner', code: '87654321', status, beneficiaryName: '张桂兰', age: 82, quantity: 1, setName: '软烂面条套餐',
    fulfilment: 'dine_in', deliveryAddress: null, dietNotes: '低盐', allergies: null, className: null, collectors: null,
    awaitingConfirmation: false, payableFen: 500,
  },
  facilityId: 'yl-jiayuan',
  date: '2026-12-02',
  part: 'dinner',
  startsAt: '2026-12-02T17:30:00+08:00',
  quote: { originalFen: 1200, deliveryFeeFen: 0, subsidyFen: 700, payableFen: 500, tier: '80 周岁及以上老人', notes: [] },
  undoable,
  service: '晚餐',
  allowed: otherDay
    ? { checkIn: false, complete: false, noShow: false }
    : { checkIn: status === 'booked', complete: status === 'checked_in', noShow: status === 'booked' || status === 'checked_in' },
  notNow: otherDay ? '这笔预约是 12月2日 晚餐，只能在当天核销' : null,
})

/** The desk holds the next tap a moment after an action (a double tap must not undo it). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 50)))
let otherDay = false

let assessed = false
beforeEach(() => {
  assessed = false
  otherDay = false
  mockRequest.mockReset()
  useRouter.mockReturnValue({ params: { facilityId: 'yl-jiayuan' } })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'operator_staff', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/staff/facilities/yl-jiayuan/bookings') {
      return Promise.resolve({ statusCode: 200, data: call.url.includes('87654321') ? dinner('booked', false, otherDay) : stay(!assessed) })
    }
    if (path === '/api/staff/facilities/yl-jiayuan/bookings/b-dinner/no-show') return Promise.resolve({ statusCode: 200, data: dinner('no_show', true) })
    if (path === '/api/staff/facilities/yl-jiayuan/bookings/b-dinner/undo') return Promise.resolve({ statusCode: 200, data: dinner('booked') })
    if (path === '/api/staff/facilities/yl-jiayuan/bookings/b-dinner/check-in') {
      return Promise.resolve({
        statusCode: 409,
        data: { error: { code: 'not_service_day', message: '这笔预约是 12月2日 晚餐，只能在当天核销' } },
      })
    }
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

const findDinner = async () => {
  render(<DeskPage />)
  fireEvent.change(screen.getByLabelText('核销码'), { target: { value: '87654321' } })
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '查找' })))
  await screen.findByText('张桂兰（82 岁）')
}
const sentTo = (ending: string) => mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.endsWith(ending))

it('asks before 未到场, naming the person and the service, and sends nothing until confirmed', async () => {
  await findDinner()
  fireEvent.click(screen.getByRole('button', { name: '未到场' }))
  expect(screen.getByText('确定将 张桂兰 的 12月2日 17:30 晚餐 记为未到场吗？多次未到场会暂停预约。')).toBeInTheDocument()
  expect(sentTo('/no-show')).toHaveLength(0)
  fireEvent.click(screen.getByRole('button', { name: '不登记' }))
  expect(screen.queryByText(/记为未到场吗/)).not.toBeInTheDocument()
  expect(sentTo('/no-show')).toHaveLength(0)

  fireEvent.click(screen.getByRole('button', { name: '未到场' }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确定未到场' })))
  expect(await screen.findByText('已记为未到场；如果登记错了，今天内可以撤销')).toBeInTheDocument()
  expect(sentTo('/no-show')).toHaveLength(1)
})

it('offers 撤销 right after a no-show, and shows the booking back as it was', async () => {
  await findDinner()
  expect(screen.queryByRole('button', { name: '撤销未到场' })).not.toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '未到场' }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确定未到场' })))
  const undo = await screen.findByRole('button', { name: '撤销未到场' })
  await settle()
  await act(async () => fireEvent.click(undo))
  expect(await screen.findByText('已撤销，恢复为「待使用」')).toBeInTheDocument()
  expect(sentTo('/undo')).toHaveLength(1)
  expect(screen.queryByRole('button', { name: '撤销未到场' })).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: /签到并收款/ })).toBeInTheDocument()
})

it('offers nothing for a booking of another day, and says why (the server’s day rule)', async () => {
  otherDay = true
  await findDinner()
  expect(screen.getByText('这笔预约是 12月2日 晚餐，只能在当天核销')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /签到并收款/ })).not.toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '未到场' })).not.toBeInTheDocument()
  expect(screen.getByText('待使用')).toBeInTheDocument()
})

it('ignores the second tap of a double tap: 撤销 appearing under the finger is not pressed by it', async () => {
  await findDinner()
  fireEvent.click(screen.getByRole('button', { name: '未到场' }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '确定未到场' })))
  const undo = await screen.findByRole('button', { name: '撤销未到场' })
  await act(async () => fireEvent.click(undo))
  expect(sentTo('/undo')).toHaveLength(0)
  await settle()
  await act(async () => fireEvent.click(undo))
  expect(sentTo('/undo')).toHaveLength(1)
})

it('takes a code typed on a Chinese keyboard: full-width digits and spaces', async () => {
  render(<DeskPage />)
  fireEvent.change(screen.getByLabelText('核销码'), { target: { value: '８７６５ ４３２１' } })
  expect(screen.getByLabelText('核销码')).toHaveValue('87654321')
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '查找' })))
  expect(await screen.findByText('张桂兰（82 岁）')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('核销码'), { target: { value: 'abcd1234' } })
  expect(screen.getByRole('alert')).toHaveTextContent('核销码是 8 位数字，请只输入数字')
  expect(screen.getByRole('button', { name: '查找' })).toBeDisabled()
})
