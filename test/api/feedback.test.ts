import { feedbackListSchema, feedbackSchema, noticeListSchema } from '@shared/index'
import { addWorkingDays } from '../../server/calendar/working-days'
import { FEEDBACK_WORKING_DAYS } from '../../server/feedback/feedback.service'
import { loadCalendar } from '../../server/ratings/rating.repository'
import { type TestApp, createTestApp, devLogin, errorOf, staffLogin } from '../support/app'
import { addMember, book, mealSession } from '../support/bookings'
import { DATABASES } from '../support/databases'

// 意见建议 and 价格投诉: a resident writes to the street office; it answers by a deadline; the resident judges it.
describe.each(DATABASES)('residents’ feedback to the street office on %s', (database) => {
  let t: TestApp
  const as: Record<'resident' | 'neighbour' | 'street' | 'otherStreet', { authorization: string }> = {} as never
  beforeAll(async () => {
    t = await createTestApp(database)
    as.resident = await devLogin(t.app, 'feedback-resident')
    as.neighbour = await devLogin(t.app, 'feedback-neighbour')
    as.street = await staffLogin(t, 'feedback-street', 'street', 'yl-xinhualu')
    as.otherStreet = await staffLogin(t, 'feedback-other-street', 'street', 'yl-zhenxing')
  })
  afterAll(() => t.close())

  const call = (method: 'GET' | 'POST', url: string, headers: object, payload?: object) =>
    t.app.inject({ method, url, headers: headers as Record<string, string>, payload })
  const mine = async (headers: object) => feedbackListSchema.parse((await call('GET', '/api/me/feedback', headers)).json()).items
  const governed = async (headers: object) => feedbackListSchema.parse((await call('GET', '/api/admin/feedback', headers)).json()).items

  it('takes a price complaint about a booking, due in five working days; the street office of the facility sees it', async () => {
    const mother = await addMember(t.app, as.resident, { birthDate: '1944-01-01' })
    const lunch = await mealSession(t.app)
    const booking = await book(t.app, as.resident, { sessionId: lunch.id, memberId: mother.id, meal: { setId: lunch.sets[0].id, fulfilment: 'dine_in' } })
    const res = await call('POST', '/api/feedback', as.resident, { facilityId: 'yl-hongqi', category: 'price', text: '午餐从 12 元涨到 15 元，没有提前公示', bookingId: booking.id })
    expect(res.statusCode).toBe(201)
    const item = feedbackSchema.parse(res.json())
    const due = addWorkingDays(t.clock.today(), FEEDBACK_WORKING_DAYS, await loadCalendar(t.store.db.kysely))
    expect(item).toMatchObject({ status: 'open', category: 'price', dueDate: due, overdue: false, bookingId: booking.id })
    expect((await governed(as.street)).map((f) => f.id)).toContain(item.id)
    expect((await governed(as.otherStreet)).map((f) => f.id)).not.toContain(item.id)
    expect((await mine(as.neighbour)).map((f) => f.id)).not.toContain(item.id)
  })

  it.each([
    ['a booking of someone else', (bookingId: string) => ({ facilityId: 'yl-hongqi', category: 'service', text: '服务态度不好，希望改进', bookingId }), 'bookingId'],
    ['too short a text', () => ({ facilityId: 'yl-hongqi', category: 'suggestion', text: '差' }), 'text'],
    ['an unknown category', () => ({ facilityId: 'yl-hongqi', category: 'angry', text: '希望增加晚餐' }), 'category'],
    ['an unknown facility', () => ({ facilityId: 'yl-nowhere', category: 'suggestion', text: '希望增加晚餐' }), 'facilityId'],
  ])('refuses %s with the field, and writes nothing', async (_, body, field) => {
    const [theirs] = (await mine(as.resident)).filter((f) => f.bookingId)
    const before = (await mine(as.neighbour)).length
    const res = await call('POST', '/api/feedback', as.neighbour, body(theirs?.bookingId ?? 'b-none'))
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body)).toMatchObject({ field })
    expect(errorOf(res.body).message).toMatch(/[\u4e00-\u9fa5]{2}/)
    expect((await mine(as.neighbour)).length).toBe(before)
  })

  it('the street answers once; the resident is told, and says whether the answer settles it', async () => {
    const [item] = await mine(as.resident)
    expect((await call('POST', `/api/admin/feedback/${item.id}/answer`, as.otherStreet, { answer: '已核实并要求整改' })).statusCode).toBe(404)
    expect((await call('POST', `/api/me/feedback/${item.id}/verdict`, as.resident, { accept: true })).statusCode).toBe(409)
    const answered = await call('POST', `/api/admin/feedback/${item.id}/answer`, as.street, { answer: '已核实：涨价未公示，已要求运营方恢复原价并公示' })
    expect(answered.statusCode).toBe(200)
    expect((await call('POST', `/api/admin/feedback/${item.id}/answer`, as.street, { answer: '再答一次试试看' })).statusCode).toBe(409)
    const notices = noticeListSchema.parse((await call('GET', '/api/me/notices', as.resident)).json()).notices
    expect(notices.some((n) => n.kind === 'feedback_answered')).toBe(true)
    expect((await call('POST', `/api/me/feedback/${item.id}/verdict`, as.neighbour, { accept: true })).statusCode).toBe(404)
    const verdict = await call('POST', `/api/me/feedback/${item.id}/verdict`, as.resident, { accept: false })
    expect(verdict.statusCode).toBe(200)
    expect(feedbackSchema.parse(verdict.json())).toMatchObject({ status: 'disputed', answer: expect.stringContaining('恢复原价') })
  })

  it('shows an item past its deadline as overdue to the street office', async () => {
    const res = await call('POST', '/api/feedback', as.neighbour, { facilityId: 'yl-hongqi', category: 'suggestion', text: '希望周末也能订午餐' })
    const item = feedbackSchema.parse(res.json())
    await t.store.db.kysely.updateTable('feedback').set({ due_date: '2020-01-06' }).where('id', '=', item.id).execute()
    expect((await governed(as.street)).find((f) => f.id === item.id)).toMatchObject({ overdue: true, status: 'open' })
  })
})
