import { accountExportSchema, bookingListSchema, bookingSchema, evaluationSchema, homeRequestListSchema, homeRequestSchema, noticeListSchema } from '@shared/index'
import { addDays, shanghaiInstant } from '../../server/time/shanghai'
import { type TestApp, createTestApp, devLogin, errorOf, staffLogin } from '../support/app'
import { DATABASES } from '../support/databases'

const HANGKONG = 'yl-hangkong-erlu'

// 家政便民: a request, not a slot; accepted, it is a booking of the one engine (desk, 好差评, evaluation).
describe.each(DATABASES)('home-service requests on %s', (database) => {
  let t: TestApp
  const as: Record<'resident' | 'neighbour' | 'operator' | 'otherOperator' | 'district', { authorization: string }> = {} as never
  beforeAll(async () => {
    t = await createTestApp(database)
    as.resident = await devLogin(t.app, 'home-resident')
    as.neighbour = await devLogin(t.app, 'home-neighbour')
    as.operator = await staffLogin(t, 'home-operator', 'operator', `${HANGKONG}-operator`)
    as.otherOperator = await staffLogin(t, 'home-other-operator', 'operator', 'yl-hongqi-operator')
    as.district = await staffLogin(t, 'home-district', 'district', 'xa-yanliang')
  })
  afterAll(() => t.close())
  afterEach(() => t.clock.reset())

  const db = () => t.store.db.kysely
  const call = (method: 'GET' | 'POST', url: string, headers: object, payload?: object) =>
    t.app.inject({ method, url, headers: headers as Record<string, string>, payload })
  const tomorrow = () => addDays(t.clock.today(), 1)
  const ask = (fields: object = {}) => ({
    facilityId: HANGKONG,
    service: 'cleaning',
    date: tomorrow(),
    window: 'morning',
    address: '华宇理想国小区 3 号楼 2 单元 501',
    phone: '138 0000 1234',
    notes: '家里有老人，请轻声',
    ...fields,
  })
  const mine = async (headers: object) => homeRequestListSchema.parse((await call('GET', '/api/me/home-services', headers)).json()).items
  const atDesk = async (headers: object, facilityId = HANGKONG) =>
    homeRequestListSchema.parse((await call('GET', `/api/staff/facilities/${facilityId}/home-services`, headers)).json()).items
  const stored = async () => Number((await db().selectFrom('home_service_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  it('takes a request for 保洁 tomorrow morning; only the requester and the facility’s operator see it; a second tap writes nothing', async () => {
    const res = await call('POST', '/api/home-services', as.resident, ask())
    expect(res.statusCode).toBe(201)
    const made = homeRequestSchema.parse(res.json())
    expect(made).toMatchObject({ status: 'requested', service: 'cleaning', phone: '13800001234', cancellable: true, bookingId: null, facilityName: expect.stringContaining('航空二路') })
    const again = await call('POST', '/api/home-services', as.resident, ask())
    expect(again.statusCode).toBe(200)
    expect(homeRequestSchema.parse(again.json()).id).toBe(made.id)
    expect((await mine(as.resident)).map((r) => r.id)).toEqual([made.id])
    expect(await mine(as.neighbour)).toEqual([])
    expect((await atDesk(as.operator)).map((r) => r.id)).toContain(made.id)
    expect((await call('GET', `/api/staff/facilities/${HANGKONG}/home-services`, as.otherOperator)).statusCode).toBe(403)
    expect(await atDesk(as.otherOperator, 'yl-hongqi')).toEqual([])
  })

  it.each([
    ['a facility without 家政便民', { facilityId: 'yl-hongqi' }, 'facilityId'],
    ['an unknown service', { service: 'massage' }, 'service'],
    ['a day in the past', { date: '2020-01-06' }, 'date'],
    ['a day too far ahead', { date: '2099-01-01' }, 'date'],
    ['an impossible day', { date: '2026-02-30' }, 'date'],
    ['an unknown window', { window: 'midnight' }, 'window'],
    ['an empty address', { address: '   ' }, 'address'],
    ['a huge address', { address: '楼'.repeat(101) }, 'address'],
    ['a wrong phone', { phone: '12345' }, 'phone'],
    ['a phone with letters', { phone: '1391234abcd' }, 'phone'],
    ['a phone of 10 digits', { phone: '1391234567' }, 'phone'],
    ['a very short address', { address: '3号楼' }, 'address'],
    ['huge notes', { notes: '😀'.repeat(201) }, 'notes'],
  ])('refuses %s with the field and a Chinese reason, writing nothing', async (_, fields, field) => {
    const before = await stored()
    const res = await call('POST', '/api/home-services', as.neighbour, ask(fields))
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body)).toMatchObject({ code: 'invalid_input', field })
    expect(errorOf(res.body).message).toMatch(/[\u4e00-\u9fa5]{2}/)
    expect(await stored()).toBe(before)
  })

  it('refuses today’s morning once it is over by the window, saying which, and takes the afternoon', async () => {
    t.clock.set(shanghaiInstant(t.clock.today(), '12:05'))
    const headers = await devLogin(t.app, 'home-after-noon')
    const late = await call('POST', '/api/home-services', headers, ask({ date: t.clock.today(), window: 'morning' }))
    expect(late.statusCode).toBe(400)
    expect(errorOf(late.body)).toMatchObject({ code: 'invalid_input', field: 'window', message: expect.stringContaining('今天上午的时段（到 12:00）已经结束') })
    expect((await call('POST', '/api/home-services', headers, ask({ date: t.clock.today(), window: 'afternoon' }))).statusCode).toBe(201)
  })

  it('says a request whose window went by unanswered is lapsed, and lists it after the ones still ahead', async () => {
    const headers = await devLogin(t.app, 'home-lapsed')
    const address = { address: '过期小区 2 号楼 303 室' }
    const soon = homeRequestSchema.parse((await call('POST', '/api/home-services', headers, ask({ ...address, window: 'morning' }))).json())
    const later = homeRequestSchema.parse((await call('POST', '/api/home-services', headers, ask({ ...address, date: addDays(t.clock.today(), 3) }))).json())
    expect([soon.lapsed, later.lapsed]).toEqual([false, false])
    t.clock.set(shanghaiInstant(tomorrow(), '12:00'))
    expect((await mine(headers)).map((r) => [r.id, r.lapsed])).toEqual(expect.arrayContaining([[soon.id, true], [later.id, false]]))
    const waiting = (await atDesk(as.operator)).filter((r) => r.address === address.address)
    expect(waiting.map((r) => [r.id, r.lapsed])).toEqual([[later.id, false], [soon.id, true]])
  })

  it('reads a phone typed with a Chinese keyboard’s full-width digits as the same number', async () => {
    const res = await call('POST', '/api/home-services', await devLogin(t.app, 'home-full-width'), ask({ phone: '１３９ １２３４ ５６７８' }))
    expect(res.statusCode).toBe(201)
    expect(homeRequestSchema.parse(res.json()).phone).toBe('13912345678')
  })

  it('lets the resident cancel while it waits; another family gets 404; a cancelled request cannot be accepted', async () => {
    const made = homeRequestSchema.parse((await call('POST', '/api/home-services', as.resident, ask({ service: 'repair', window: 'afternoon' }))).json())
    expect((await call('POST', `/api/me/home-services/${made.id}/cancel`, as.neighbour)).statusCode).toBe(404)
    const res = await call('POST', `/api/me/home-services/${made.id}/cancel`, as.resident)
    expect(res.statusCode).toBe(200)
    expect(homeRequestSchema.parse(res.json())).toMatchObject({ status: 'cancelled', cancellable: false })
    const accept = await call('POST', `/api/staff/facilities/${HANGKONG}/home-services/${made.id}/accept`, as.operator, { date: tomorrow(), time: '14:00', priceFen: 3000 })
    expect(accept.statusCode).toBe(409)
    expect(errorOf(accept.body).code).toBe('invalid_transition')
  })

  it('declines with a reason the resident reads; bad reasons and another facility’s operator are refused', async () => {
    const made = homeRequestSchema.parse((await call('POST', '/api/home-services', as.neighbour, ask({ service: 'bathing' }))).json())
    const url = (facility: string) => `/api/staff/facilities/${facility}/home-services/${made.id}/decline`
    expect((await call('POST', url(HANGKONG), as.otherOperator, { reason: '人手不足' })).statusCode).toBe(403)
    expect((await call('POST', url('yl-hongqi'), as.otherOperator, { reason: '人手不足' })).statusCode).toBe(404)
    const empty = await call('POST', url(HANGKONG), as.operator, { reason: ' ' })
    expect(empty.statusCode).toBe(400)
    expect(errorOf(empty.body).field).toBe('reason')
    const res = await call('POST', url(HANGKONG), as.operator, { reason: '助浴师傅本周休假，下周可以' })
    expect(res.statusCode).toBe(200)
    expect((await mine(as.neighbour)).find((r) => r.id === made.id)).toMatchObject({ status: 'declined', declineReason: '助浴师傅本周休假，下周可以', cancellable: false })
    const notices = noticeListSchema.parse((await call('GET', '/api/me/notices', as.neighbour)).json()).notices
    expect(notices.find((n) => n.kind === 'home_service_declined')?.body).toContain('助浴师傅本周休假')
    expect((await call('POST', `/api/me/home-services/${made.id}/cancel`, as.neighbour)).statusCode).toBe(409)
  })

  it('accepts with a time and a price: a booking of the engine on the 预约 tab, checked in and completed at the desk, rated and counted', async () => {
    const [request] = (await mine(as.resident)).filter((r) => r.status === 'requested')
    const url = `/api/staff/facilities/${HANGKONG}/home-services/${request.id}/accept`
    const past = await call('POST', url, as.operator, { date: t.clock.today(), time: '00:00', priceFen: 5000 })
    expect(past.statusCode).toBe(400)
    expect(errorOf(past.body).field).toBe('time')
    const negative = await call('POST', url, as.operator, { date: tomorrow(), time: '09:30', priceFen: -1 })
    expect(errorOf(negative.body).field).toBe('priceFen')
    expect(await db().selectFrom('bookings').select('id').where('function_code', '=', 'housekeeping').execute()).toEqual([])

    const res = await call('POST', url, as.operator, { date: tomorrow(), time: '09:30', priceFen: 5000 })
    expect(res.statusCode).toBe(200)
    const accepted = homeRequestSchema.parse(res.json())
    expect(accepted).toMatchObject({ status: 'accepted', priceFen: 5000, visitAt: `${tomorrow()}T09:30:00+08:00`, bookingStatus: 'booked', cancellable: false })
    expect((await call('POST', url, as.operator, { date: tomorrow(), time: '10:30', priceFen: 5000 })).statusCode).toBe(409)
    expect((await call('POST', `/api/me/home-services/${request.id}/cancel`, as.resident)).statusCode).toBe(409)

    const bookings = bookingListSchema.parse((await call('GET', '/api/bookings', as.resident)).json()).bookings
    const booking = bookings.find((b) => b.id === accepted.bookingId)
    expect(booking).toMatchObject({ function: 'housekeeping', service: '家政便民 · 保洁', date: tomorrow(), hours: { from: '09:30', to: '11:30' }, status: 'booked' })
    expect(booking?.quote).toMatchObject({ payableFen: 5000, payAt: 'home' })
    expect(bookingListSchema.parse((await call('GET', '/api/bookings', as.neighbour)).json()).bookings.map((b) => b.id)).not.toContain(accepted.bookingId)
    expect((await call('GET', `/api/bookings/${accepted.bookingId}`, as.neighbour)).statusCode).toBe(404)
    // The day's roster at the desk lists the visit with the other services' bookings.
    const roster = await call('GET', `/api/staff/facilities/${HANGKONG}/roster?function=housekeeping&date=${tomorrow()}`, as.operator)
    expect(roster.statusCode).toBe(200)
    expect(JSON.stringify(roster.json())).toContain(accepted.bookingId ?? 'missing')

    // Its day: the desk checks the code in and completes it, the resident rates it, the evaluation counts it.
    // Not marked 未到场 before the hour the visit was accepted for, though the day of visits began at 08:00.
    const day = tomorrow()
    t.clock.set(shanghaiInstant(day, '09:00'))
    const early = await call('POST', `/api/staff/facilities/${HANGKONG}/bookings/${accepted.bookingId}/no-show`, as.operator)
    expect(early.statusCode).toBe(409)
    expect(errorOf(early.body)).toMatchObject({ code: 'service_not_started', message: expect.stringContaining('09:30') })
    t.clock.set(shanghaiInstant(day, '11:40'))
    const code = bookingSchema.parse((await call('GET', `/api/bookings/${accepted.bookingId}`, as.resident)).json()).code
    const found = await call('GET', `/api/staff/facilities/${HANGKONG}/bookings?code=${code}`, as.operator)
    expect(found.statusCode).toBe(200)
    for (const action of ['check-in', 'complete']) {
      const done = await call('POST', `/api/staff/facilities/${HANGKONG}/bookings/${accepted.bookingId}/${action}`, as.operator)
      if (done.statusCode !== 200) throw new Error(`${action}: ${done.body}`)
    }
    expect((await mine(as.resident)).find((r) => r.id === request.id)?.bookingStatus).toBe('completed')
    const rated = await call('POST', `/api/bookings/${accepted.bookingId}/rating`, as.resident, { level: 5, wouldUseAgain: true, comment: '打扫得很干净' })
    expect(rated.statusCode).toBe(201)
    const month = day.slice(0, 7)
    const evaluation = evaluationSchema.parse((await call('GET', `/api/evaluation?period=${month}`, as.district)).json())
    expect(evaluation.rows.find((r) => r.facilityId === HANGKONG && r.function === 'housekeeping')).toMatchObject({ bookings: 1, completed: 1, ratings: 1, satisfactionRate: 1 })
    // The engine's own rule for home visits is not one for a clerk to edit: the rules page reads as before.
    const rules = await call('GET', '/api/admin/rules', as.district)
    expect(rules.statusCode).toBe(200)
    expect(JSON.stringify(rules.json().booking)).not.toContain('housekeeping')
  })

  it('gives the request back when the engine refuses the visit (the person already has one that day), booking nothing', async () => {
    const other = homeRequestSchema.parse((await call('POST', '/api/home-services', as.resident, ask({ service: 'escort', window: 'evening', date: addDays(t.clock.today(), 3) }))).json())
    const second = homeRequestSchema.parse((await call('POST', '/api/home-services', as.resident, ask({ service: 'other', window: 'morning', date: addDays(t.clock.today(), 3) }))).json())
    const day = addDays(t.clock.today(), 3)
    const accept = (id: string, time: string) => call('POST', `/api/staff/facilities/${HANGKONG}/home-services/${id}/accept`, as.operator, { date: day, time, priceFen: 0 })
    expect((await accept(other.id, '18:00')).statusCode).toBe(200)
    const refused = await accept(second.id, '09:00')
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body).code).toBe('already_booked')
    expect((await mine(as.resident)).find((r) => r.id === second.id)).toMatchObject({ status: 'requested', bookingId: null, visitAt: null })
    const held = await db().selectFrom('bookings').select('id').where('function_code', '=', 'housekeeping').where('service_date', '=', day).execute()
    expect(held).toHaveLength(1)
  })
  it('is in 导出我的数据; 注销 is refused while a request waits, and takes the requests along once it is withdrawn', async () => {
    const leaver = await devLogin(t.app, 'home-leaver')
    const made = homeRequestSchema.parse((await call('POST', '/api/home-services', leaver, ask({ address: '萃府小区 8 号楼 101 室' }))).json())
    const exported = accountExportSchema.parse((await call('GET', '/api/me/export', leaver)).json())
    expect(exported.homeServices).toMatchObject([{ id: made.id, address: '萃府小区 8 号楼 101 室', phone: '13800001234' }])
    const refused = await call('POST', '/api/me/deletion', leaver, { confirm: true })
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body).message).toContain('家政申请')
    expect((await call('POST', `/api/me/home-services/${made.id}/cancel`, leaver)).statusCode).toBe(200)
    expect((await call('POST', '/api/me/deletion', leaver, { confirm: true })).statusCode).toBe(204)
    expect(await db().selectFrom('home_service_requests').select('id').where('id', '=', made.id).execute()).toEqual([])
  })
  it('accepts six residents’ visits for the same day at once: the day of visits has a place for each', async () => {
    const day = addDays(t.clock.today(), 5)
    const residents = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => `home-twin-${k}`)
    const made = await Promise.all(
      residents.map(async (openid) => {
        const headers = await devLogin(t.app, openid)
        return homeRequestSchema.parse((await call('POST', '/api/home-services', headers, ask({ date: day, window: 'afternoon' }))).json())
      }),
    )
    const answers = await Promise.all(
      made.map((r, i) => call('POST', `/api/staff/facilities/${HANGKONG}/home-services/${r.id}/accept`, as.operator, { date: day, time: `1${2 + i}:00`, priceFen: 4000 })),
    )
    expect(answers.map((a) => [a.statusCode, a.statusCode === 200 ? '' : a.body])).toEqual(made.map(() => [200, '']))
    const session = await db().selectFrom('sessions').select(['capacity', 'booked']).where('function_code', '=', 'housekeeping').where('date', '=', day).executeTakeFirstOrThrow()
    expect(session).toEqual({ capacity: 6, booked: 6 })
  })

  it('lists the waiting requests soonest day first, so the clerk answers tomorrow’s before next week’s', async () => {
    const headers = await devLogin(t.app, 'home-order')
    for (const [days, window] of [[9, 'morning'], [2, 'evening'], [2, 'morning'], [6, 'afternoon']] as const) {
      expect((await call('POST', '/api/home-services', headers, ask({ date: addDays(t.clock.today(), days), window, service: 'repair', address: '排序小区 1 号楼 101 室' }))).statusCode).toBe(201)
    }
    const waiting = (await atDesk(as.operator)).filter((r) => r.status === 'requested' && r.address === '排序小区 1 号楼 101 室')
    expect(waiting.map((r) => [r.date, r.window])).toEqual([
      [addDays(t.clock.today(), 2), 'morning'],
      [addDays(t.clock.today(), 2), 'evening'],
      [addDays(t.clock.today(), 6), 'afternoon'],
      [addDays(t.clock.today(), 9), 'morning'],
    ])
  })
})
