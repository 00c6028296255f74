import { districtRulesSchema, districtRulesViewSchema } from '@shared/index'
import { grantStaff } from '../../server/staff/staff-grants'
import { type TestApp, createTestApp, devLogin, errorOf } from '../support/app'
import { DATABASES } from '../support/databases'

// The district's rules are data it edits: checked, audited, applied at once, never half-written.
describe.each(DATABASES)('the district’s rules on %s', (database) => {
  let t: TestApp
  let district: { authorization: string }
  let street: { authorization: string }
  beforeAll(async () => {
    t = await createTestApp(database)
    district = await devLogin(t.app, 'rules-district')
    await grantStaff(t.store.db.kysely, { user: 'dev:rules-district', scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, t.clock.now())
    street = await devLogin(t.app, 'rules-street')
    await grantStaff(t.store.db.kysely, { user: 'dev:rules-street', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, t.clock.now())
  })
  afterAll(() => t.close())

  const put = (url: string, headers: object, payload: object) => t.app.inject({ method: 'PUT', url, headers: headers as Record<string, string>, payload })
  const rules = async () => districtRulesSchema.parse((await t.app.inject({ url: '/api/admin/rules', headers: street })).json())
  const audits = async () => Number((await t.store.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  it('shows the seeded rules to a street office, who may not change them', async () => {
    const seen = await rules()
    expect(seen.rating).toEqual({ windowDays: 30, rectificationWorkingDays: 15 })
    expect(seen.subsidyTiers.map((t) => t.id)).toContain('yl-meal-age-80')
    expect(seen.calendar).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' })
    expect((await put('/api/admin/rules/rating', street, { windowDays: 10, rectificationWorkingDays: 5 })).statusCode).toBe(403)
    // The screen offers the form only to whom the server will take it from.
    const canEdit = async (headers: object) => (await t.app.inject({ url: '/api/admin/rules', headers: headers as Record<string, string> })).json().canEdit
    expect([await canEdit(street), await canEdit(district)]).toEqual([false, true])
    const operatorsEditable = async (headers: object) => (await t.app.inject({ url: '/api/admin/operators', headers: headers as Record<string, string> })).json().canEdit
    expect([await operatorsEditable(street), await operatorsEditable(district)]).toEqual([false, true])
  })

  it('changes the rating window and a no-show rule, audited', async () => {
    const before = await audits()
    expect((await put('/api/admin/rules/rating', district, { windowDays: 14, rectificationWorkingDays: 10 })).statusCode).toBe(200)
    const res = await put('/api/admin/rules/no-show/meal', district, { maxNoShows: 2, windowDays: 30, suspendDays: 14 })
    expect(res.statusCode).toBe(200)
    const now = districtRulesSchema.parse(res.json())
    expect(now.rating).toEqual({ windowDays: 14, rectificationWorkingDays: 10 })
    expect(now.noShow.find((r) => r.function === 'meal')).toEqual({ function: 'meal', maxNoShows: 2, windowDays: 30, suspendDays: 14 })
    expect(await audits()).toBe(before + 2)
  })

  it('replaces the subsidy tiers; the next quote is priced from them', async () => {
    const tiers = (await rules()).subsidyTiers.map((t) => (t.id === 'yl-meal-age-80' ? { ...t, amountFen: 1000 } : t))
    const res = await put('/api/admin/rules/subsidy-tiers', district, { tiers })
    expect(res.statusCode).toBe(200)
    expect(districtRulesSchema.parse(res.json()).subsidyTiers.find((t) => t.id === 'yl-meal-age-80')?.amountFen).toBe(1000)
    const row = await t.store.db.kysely.selectFrom('subsidy_tiers').select('amount_fen').where('id', '=', 'yl-meal-age-80').executeTakeFirstOrThrow()
    expect(row.amount_fen).toBe(1000)
  })

  it('replaces a year’s holidays and 调休 days', async () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休' },
    ]
    const res = await put('/api/admin/rules/calendar/2027', district, { days })
    expect(res.statusCode).toBe(200)
    const calendar = districtRulesSchema.parse(res.json()).calendar
    expect(calendar.filter((d) => d.date.startsWith('2027-'))).toEqual(days)
    expect(calendar.some((d) => d.date.startsWith('2026-'))).toBe(true)
  })

  it('refuses bad rules with the field and a Chinese reason, writing nothing', async () => {
    const before = await Promise.all([rules(), audits()])
    const cases: [string, object, string, string][] = [
      ['/api/admin/rules/rating', { windowDays: 0, rectificationWorkingDays: 5 }, 'windowDays', '不能小于 1'],
      ['/api/admin/rules/rating', { windowDays: 1.5, rectificationWorkingDays: 5 }, 'windowDays', '应为整数'],
      ['/api/admin/rules/no-show/swimming', { maxNoShows: 2, windowDays: 30, suspendDays: 7 }, 'function', ''],
      ['/api/admin/rules/subsidy-tiers', { tiers: [{ id: 'a', name: '甲', minAge: 80, maxAge: 60, category: null, amountFen: 100 }] }, 'tiers.0.maxAge', '截止年龄应不小于起始年龄'],
      ['/api/admin/rules/subsidy-tiers', { tiers: [{ id: 'a', name: '甲', minAge: 60, maxAge: null, category: 'rich', amountFen: 100 }] }, 'tiers.0.category', '补贴身份应为'],
      ['/api/admin/rules/calendar/2027', { days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }, 'days.0.date', '没有这一天'],
      ['/api/admin/rules/calendar/2027', { days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }] }, 'days.0.date', '不在 2027 年'],
      ['/api/admin/rules/calendar/27', { days: [] }, 'year', '年份应为四位数字'],
    ]
    for (const [url, payload, field, reason] of cases) {
      const res = await put(url, district, payload)
      expect([url, res.statusCode]).toEqual([url, 400])
      expect(errorOf(res.body).field).toBe(field)
      expect(errorOf(res.body).message).toContain(reason)
    }
    expect(await Promise.all([rules(), audits()])).toEqual(before)
  })

  it('sets the evaluation weights and thresholds; weights that do not sum to 1 are refused', async () => {
    const evaluation = (await rules()).evaluation
    expect(evaluation.weights.satisfaction).toBe(0.3)
    const bad = await put('/api/admin/rules/evaluation', district, { ...evaluation, weights: { ...evaluation.weights, satisfaction: 0.5 } })
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad.body).message).toContain('各项权重之和应为 1')
    const weights = { ...evaluation.weights, satisfaction: 0.4, utilisation: 0.1 }
    const res = await put('/api/admin/rules/evaluation', district, { ...evaluation, weights, minSatisfaction: 0.85 })
    expect(res.statusCode).toBe(200)
    expect(districtRulesSchema.parse(res.json()).evaluation).toMatchObject({ weights, minSatisfaction: 0.85 })
    expect((await put('/api/admin/rules/evaluation', street, { ...evaluation })).statusCode).toBe(403)
  })

  it('lets a street office set its own facility’s booking rule, not another street’s, and applies it to the sessions listed', async () => {
    const meal = (await rules()).booking.find((r) => r.facilityId === 'yl-hongqi' && r.function === 'meal')
    expect(meal).toBeDefined()
    const { facilityId: _f, function: _fn, ...rule } = meal as NonNullable<typeof meal>
    const res = await put('/api/admin/rules/booking/yl-hongqi/meal', street, { ...rule, horizonDays: 3 })
    expect(res.statusCode).toBe(200)
    const sessions = (await t.app.inject({ url: '/api/facilities/yl-hongqi/sessions?function=meal' })).json()
    expect(sessions.lastBookableDate).toBe(t.clock.today(3))
    const other = await put('/api/admin/rules/booking/yl-hangkong-erlu/meal', street, rule)
    expect([other.statusCode, errorOf(other.body).field]).toEqual([400, 'facilityId'])
    const wrong = await put('/api/admin/rules/booking/yl-hongqi/meal', street, { ...rule, maxUnitsPerAccount: 1, maxUnits: 5 })
    expect([wrong.statusCode, errorOf(wrong.body).field]).toEqual([400, 'maxUnitsPerAccount'])
    const notOffered = await put('/api/admin/rules/booking/yl-hongqi/infant_care', street, rule)
    expect([notOffered.statusCode, errorOf(notOffered.body).field]).toEqual([400, 'function'])
  })

  it('says of each booking rule whether this clerk may change it: a street office its own facilities’, the district all', async () => {
    const editable = async (headers: object) =>
      districtRulesViewSchema
        .parse((await t.app.inject({ url: '/api/admin/rules', headers: headers as Record<string, string> })).json())
        .booking.filter((r) => r.canEdit)
        .map((r) => r.facilityId)
    const own = new Set(await editable(street))
    expect([...own].sort()).toEqual(['yl-hongqi', 'yl-renmin-donglu'])
    expect((await editable(district)).length).toBe((await rules()).booking.length)
  })

  it('names a new facility’s bookable functions that have no booking rule yet, until the street office sets one', async () => {
    const view = async () => districtRulesViewSchema.parse((await t.app.inject({ url: '/api/admin/rules', headers: street as Record<string, string> })).json())
    const communityId = (await t.store.db.kysely.selectFrom('facilities').select('community_id').where('id', '=', 'yl-hongqi').executeTakeFirstOrThrow()).community_id
    const facility = {
      id: 'yl-rules-new', name: '新华规则社区嵌入式服务设施', communityId, address: '新华路 9 号', areaSqm: 500, year: 2027,
      hours: [{ days: '周一至周日', opens: '08:00', closes: '20:00' }], functions: ['meal', 'culture'], lat: 34.66, lng: 109.23, isReserve: false,
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/facilities', headers: street, payload: facility })).statusCode).toBe(201)
    // 文化休闲 is not booked online: nothing to set.
    expect((await view()).bookingUnset.filter((u) => u.facilityId === 'yl-rules-new')).toEqual([{ facilityId: 'yl-rules-new', function: 'meal' }])
    const rule = { horizonDays: 7, cutoffMinutes: 120, cancelMinutes: 120, maxUnits: 5, maxUnitsPerAccount: 10, reminderMinutes: 60, maxRunDays: null }
    expect((await put('/api/admin/rules/booking/yl-rules-new/meal', street, rule)).statusCode).toBe(200)
    const after = await view()
    expect(after.bookingUnset.some((u) => u.facilityId === 'yl-rules-new')).toBe(false)
    expect(after.booking.find((r) => r.facilityId === 'yl-rules-new')).toEqual({ facilityId: 'yl-rules-new', function: 'meal', ...rule, canEdit: true })
  })
})
