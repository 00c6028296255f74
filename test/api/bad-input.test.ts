import { MEMBER_CONSENT } from '@shared/member'
import { createTestApp, errorOf, type TestApp } from '../support/app'
import { mealOrder, mealSession } from '../support/bookings'
import { DATABASES } from '../support/databases'
import { createWorld, type World } from '../support/identities'

// What residents and integrators actually sent, each answered with the field and why — never a 500, never a
// half-written row. (The fuzz suite covers every route; these are the cases people met, by name.)
describe.each(DATABASES)('bad input people met, on %s', (database) => {
  let t: TestApp
  let world: World
  beforeAll(async () => {
    t = await createTestApp(database)
    world = await createWorld(t)
  })
  afterAll(() => t.close())

  const resident = () => world.headers.resident as { authorization: string }
  const addMember = (birthDate: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/me/members',
      headers: resident(),
      payload: { name: '张桂兰', relation: '母亲', birthDate, consentVersion: MEMBER_CONSENT.version },
    })

  it('refuses dates that do not exist or are not written YYYY-MM-DD, naming the field', async () => {
    for (const [date, reason] of [
      ['2026-13-01', '没有这一天'],
      ['2026-02-30', '没有这一天'],
      ['2026-1-1', '日期格式应为 YYYY-MM-DD'],
      ['x', '日期格式应为 YYYY-MM-DD'],
    ]) {
      const res = await t.app.inject({ url: `/api/facilities/yl-hongqi/sessions?function=meal&date=${date}` })
      expect(res.statusCode).toBe(400)
      expect(errorOf(res.body)).toMatchObject({ code: 'invalid_input', field: 'date', reason, message: `日期填写有误：${reason}` })
    }
    const quote = await t.app.inject({ method: 'POST', url: '/api/bookings/quote', headers: resident(), payload: { sessionId: world.sessionId, throughDate: 'x' } })
    expect(quote.statusCode).toBe(400)
    expect(errorOf(quote.body)).toMatchObject({ field: 'throughDate', message: '结束日期填写有误：日期格式应为 YYYY-MM-DD' })
  })

  it('refuses impossible birth dates before saving anything', async () => {
    const before = await t.store.db.kysely.selectFrom('family_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    for (const [birthDate, reason] of [
      ['', '日期格式应为 YYYY-MM-DD'],
      ['1944/3/2', '日期格式应为 YYYY-MM-DD'],
      ['19440302', '日期格式应为 YYYY-MM-DD'],
      ['1944-02-30', '没有这一天'],
      ['1800-01-01', '出生日期不能早于 1900 年'],
      [t.clock.today(1), '出生日期不能晚于今天'],
    ]) {
      const res = await addMember(birthDate)
      expect(res.statusCode).toBe(400)
      expect(errorOf(res.body)).toMatchObject({ field: 'birthDate', reason })
    }
    const after = await t.store.db.kysely.selectFrom('family_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect((await addMember('1944-03-02')).statusCode).toBe(201)
  })

  it('says what is wrong with a type, not 「必填」', async () => {
    const lunch = await mealSession(t.app, { date: t.clock.today(3) })
    const quote = (payload: object) => t.app.inject({ method: 'POST', url: '/api/bookings/quote', headers: resident(), payload })
    expect(errorOf((await quote(mealOrder(lunch, { quantity: 1.5 }))).body)).toMatchObject({ field: 'quantity', reason: '数量应为整数' })
    expect(errorOf((await quote(mealOrder(lunch, { quantity: 'NaN' }))).body)).toMatchObject({ field: 'quantity', reason: '数量应为整数' })
    expect(errorOf((await quote({ meal: { setId: lunch.sets[0].id, fulfilment: 'dine_in' } })).body)).toMatchObject({ field: 'sessionId', reason: '必填' })
    expect(errorOf((await quote(mealOrder(lunch, { memberId: 7 }))).body)).toMatchObject({ field: 'memberId', reason: '应为文字' })
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/bookings/quote',
      headers: { ...resident(), 'content-type': 'text/plain' },
      payload: JSON.stringify(mealOrder(lunch)),
    })
    expect(text.statusCode).toBe(415)
    expect(errorOf(text.body)).toMatchObject({ code: 'unsupported_media_type', message: '提交的内容类型不受支持，请以 JSON 提交' })
  })

  it('names fields in Chinese, as the resident knows them', async () => {
    const code = await t.app.inject({ url: '/api/staff/facilities/yl-hongqi/bookings?code=1234567', headers: world.headers.operator })
    expect(errorOf(code.body)).toMatchObject({ field: 'code', message: '核销码填写有误：核销码是 8 位数字' })
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: '' } })
    expect(errorOf(login.body)).toMatchObject({ field: 'code', message: '登录凭证填写有误：不能为空' })
  })

  it('asks who is calling before reading what they sent', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/bookings', payload: { quantity: 'lots' } })
    expect(res.statusCode).toBe(401)
    expect(errorOf(res.body).code).toBe('unauthorized')
  })

  it('keeps the desk account unwritten until the desk keeps its first walk-in', async () => {
    const desk = () => t.store.db.kysely.selectFrom('users').select('id').where('openid', '=', 'desk:yl-hongqi').executeTakeFirst()
    const list = await t.app.inject({ url: '/api/staff/facilities/yl-hongqi/walk-ins', headers: world.headers.operator })
    expect(list.json()).toEqual({ members: [] })
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/staff/facilities/yl-hongqi/walk-ins',
      headers: world.headers.operator,
      payload: { name: '李大爷', relation: '本人', birthDate: '1944-02-30', consentVersion: MEMBER_CONSENT.version },
    })
    expect(refused.statusCode).toBe(400)
    const booking = await t.app.inject({
      method: 'POST',
      url: '/api/staff/facilities/yl-hongqi/walk-in-bookings',
      headers: { ...world.headers.operator, 'idempotency-key': 'walk-in-without-member' },
      payload: { sessionId: world.sessionId },
    })
    expect(errorOf(booking.body)).toMatchObject({ field: 'memberId' })
    expect(await desk()).toBeUndefined()
    const kept = await t.app.inject({
      method: 'POST',
      url: '/api/staff/facilities/yl-hongqi/walk-ins',
      headers: world.headers.operator,
      payload: { name: '李大爷', relation: '本人', birthDate: '1944-02-20', consentVersion: MEMBER_CONSENT.version },
    })
    expect(kept.statusCode).toBe(201)
    expect(await desk()).toBeDefined()
  })
})

