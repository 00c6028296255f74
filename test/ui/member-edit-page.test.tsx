import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { CHILD_CONSENT, MEMBER_CONSENT } from '@shared/member'
import MemberEditPage from '@/packages/member/edit'
import { getCurrentPages, mockRequest, navigateBack, switchTab, useRouter } from '../ui/taro-api'

type Call = { url: string; method?: string; data?: string }

beforeEach(() => {
  mockRequest.mockReset()
  navigateBack.mockClear()
  // Opened from 我的: there is a page to go back to.
  getCurrentPages.mockImplementation(() => [{}, {}])
  useRouter.mockReturnValue({ params: {} })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') {
      return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'resident', nickname: null, createdAt: '' } } })
    }
    if (path === '/api/districts') return Promise.resolve({ statusCode: 200, data: { districts: [{ id: 'xa-yanliang', name: '阎良区' }] } })
    if (path === '/api/me/members' && call.method === 'POST') {
      const body = JSON.parse(call.data ?? '{}')
      return Promise.resolve({
        statusCode: 201,
        data: { id: 'm-child', gender: null, allergies: null, healthNotes: null, ...body, mobilityNeed: false, dietNotes: null, address: null, districtId: null, subsidyCategory: null, subsidyVerified: false, isChild: true, childConsentAt: '2026-11-27T10:00:00+08:00' },
      })
    }
    return Promise.reject(new Error(`unexpected ${path}`))
  })
})

it('asks a child’s allergies and the guardian’s separate consent before saving, and sends both consents', async () => {
  render(<MemberEditPage />)
  fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '李小雨' } })
  fireEvent.click(screen.getByRole('radio', { name: '女儿' }))
  fireEvent.change(screen.getByLabelText('出生日期'), { target: { value: '20250310' } })
  expect(screen.getByText('孩子的信息')).toBeInTheDocument()
  expect(screen.getByText(CHILD_CONSENT.text)).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '女' }))
  fireEvent.change(screen.getByLabelText('过敏情况（选填）'), { target: { value: '花生' } })

  const save = screen.getByRole('button', { name: '保存' })
  fireEvent.click(screen.getByRole('radio', { name: '我已阅读并同意' }))
  expect(save).toBeDisabled()
  fireEvent.click(screen.getByRole('radio', { name: '我是监护人，同意' }))
  expect(save).not.toBeDisabled()
  await act(async () => fireEvent.click(save))

  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.method === 'POST' && c.url === '/api/me/members')
  expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({
    name: '李小雨',
    birthDate: '2025-03-10',
    gender: 'female',
    allergies: '花生',
    consentVersion: MEMBER_CONSENT.version,
    childConsentVersion: CHILD_CONSENT.version,
  })
  expect(navigateBack).toHaveBeenCalled()
})

it('does not ask an adult for a child’s data', async () => {
  render(<MemberEditPage />)
  fireEvent.change(await screen.findByLabelText('出生日期'), { target: { value: '19460302' } })
  expect(screen.queryByText('孩子的信息')).not.toBeInTheDocument()
  expect(screen.getByText('助餐补贴与送餐')).toBeInTheDocument()
})

it('says at the field what is wrong with a birth date, and keeps 保存 off until it is right', async () => {
  render(<MemberEditPage />)
  const field = await screen.findByLabelText('出生日期')
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '张桂兰' } })
  fireEvent.click(screen.getByRole('radio', { name: '母亲' }))
  fireEvent.click(screen.getByRole('radio', { name: '我已阅读并同意' }))
  const save = screen.getByRole('button', { name: '保存' })
  for (const [typed, said] of [
    ['19440230', '没有这一天，请核对年月日'],
    ['18000101', '出生日期不能早于 1900 年'],
    ['29990101', '出生日期不能晚于今天'],
    ['1944', '请按 年月日 填写 8 位数字，例如 19460302'],
  ]) {
    fireEvent.change(field, { target: { value: typed } })
    expect(screen.getByRole('alert')).toHaveTextContent(said)
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(save).toBeDisabled()
  }
  fireEvent.change(field, { target: { value: '19440302' } })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(screen.getByText('即 1944-03-02，用于计算助餐补贴')).toBeInTheDocument()
  expect(save).not.toBeDisabled()
})

it('opened from a link or after a reload, saving goes to 我的 (nothing to go back to) instead of reloading the form', async () => {
  // The only page: in the browser navigateBack would reload it (history.go(0)), so it must not be asked.
  getCurrentPages.mockImplementation(() => [{}])
  render(<MemberEditPage />)
  fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '张桂兰' } })
  fireEvent.click(screen.getByRole('radio', { name: '母亲' }))
  fireEvent.change(screen.getByLabelText('出生日期'), { target: { value: '19440302' } })
  fireEvent.click(screen.getByRole('radio', { name: '我已阅读并同意' }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })))
  await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/profile/index' }))
  expect(navigateBack).not.toHaveBeenCalled()
})

it('at the desk, registers the resident as themself, without asking the clerk’s relation', async () => {
  useRouter.mockReturnValue({ params: { desk: 'yl-hongqi' } })
  mockRequest.mockImplementation((call: Call) => {
    const path = call.url.split('?')[0]
    if (path === '/api/districts') return Promise.resolve({ statusCode: 200, data: { districts: [{ id: 'xa-yanliang', name: '阎良区' }] } })
    if (path === '/api/auth/dev') return Promise.resolve({ statusCode: 200, data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'operator_staff', nickname: null, createdAt: '' } } })
    const body = JSON.parse(call.data ?? '{}')
    return Promise.resolve({ statusCode: 201, data: { id: 'm-walk-in', gender: null, allergies: null, healthNotes: null, ...body, subsidyVerified: false, isChild: false, childConsentAt: null } })
  })
  render(<MemberEditPage />)
  expect(await screen.findByText('登记来订餐的居民')).toBeInTheDocument()
  expect(screen.queryByText('与您的关系')).not.toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李大爷' } })
  fireEvent.change(screen.getByLabelText('出生日期'), { target: { value: '19440220' } })
  fireEvent.click(screen.getByRole('radio', { name: '已向居民读出说明，居民同意' }))
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })))
  const sent = mockRequest.mock.calls.map(([c]) => c as Call).find((c) => c.url === '/api/staff/facilities/yl-hongqi/walk-ins')
  expect(JSON.parse(sent?.data ?? '{}')).toMatchObject({ name: '李大爷', relation: '本人', consentVersion: MEMBER_CONSENT.version })
})
