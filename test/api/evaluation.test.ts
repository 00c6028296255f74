import ExcelJS from 'exceljs'
import { coverageSchema, errorBodySchema, evaluationResponseSchema, evaluationSchema, qualifiedListPreviewSchema, qualifiedListSchema } from '@shared/index'
import { publishEndedQuarter } from '../../server/evaluation/qualified-list.service'
import { grantStaff } from '../../server/staff/staff-grants'
import { TestClock } from '../support/clock'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { DATABASES } from '../support/databases'

type Headers = { authorization: string }

/**
 * October 2026, by hand. 红旗 (meal): lunches of 40 on the 12th (30 taken) and 13th (10 taken) → utilisation 0.5;
 * ten bookings: 6 completed, 2 no-shows, 1 booked, 1 cancelled → 9 placed, completion 6/9, no-shows 2/9; four
 * ratings 5, 4, 3, 1 (the last a 差评 answered a day early), three would use again. 佳苑 (meal): one lunch of 2, both
 * taken and completed, rated 5 and 5. Prior weight 10; the prior's mean (23 + 10 × 4) ÷ (6 + 10) = 63/16.
 */
async function seedOctober(t: TestApp, userId: string): Promise<void> {
  const db = t.store.db.kysely
  const session = (id: string, facility: string, date: string, capacity: number, booked: number) => ({
    id, facility_id: facility, function_code: 'meal', date, part: 'lunch',
    starts_at: `${date}T03:30:00.000Z`, ends_at: `${date}T05:00:00.000Z`, capacity, booked,
  })
  await db.insertInto('sessions').values([
    session('oct-hq-12', 'yl-hongqi', '2026-10-12', 40, 30),
    session('oct-hq-13', 'yl-hongqi', '2026-10-13', 40, 10),
    session('oct-jy-12', 'yl-jiayuan', '2026-10-12', 2, 2),
  ]).execute()
  const statuses = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'no_show', 'no_show', 'booked', 'cancelled']
  const booking = (id: string, facility: string, sessionId: string, status: string, i: number) => ({
    id, code: `7${String(i).padStart(7, '0')}`, booker_user_id: userId, member_id: null, facility_id: facility,
    function_code: 'meal', session_id: sessionId, service_date: '2026-10-12', status, quantity: 1, details: '{}', quote: '{}',
    payable_fen: 500, paid_fen: null, starts_at: '2026-10-12T03:30:00.000Z', cancel_until: '2026-10-12T01:30:00.000Z',
    created_at: '2026-10-10T02:00:00.000Z', updated_at: '2026-10-12T05:00:00.000Z',
  })
  await db.insertInto('bookings').values([
    ...statuses.map((s, i) => booking(`oct-hq-b${i}`, 'yl-hongqi', 'oct-hq-12', s, i)),
    booking('oct-jy-b0', 'yl-jiayuan', 'oct-jy-12', 'completed', 20),
    booking('oct-jy-b1', 'yl-jiayuan', 'oct-jy-12', 'completed', 21),
  ]).execute()
  const rating = (id: string, bookingId: string, facility: string, level: number, again: number) => ({
    id, booking_id: bookingId, facility_id: facility, function_code: 'meal', rater_user_id: userId, level,
    attitude: level, quality: level, environment: level, price: level, would_use_again: again, comment: null,
    service_date: '2026-10-12', created_at: '2026-10-12T08:00:00.000Z',
  })
  await db.insertInto('ratings').values([
    rating('oct-r0', 'oct-hq-b0', 'yl-hongqi', 5, 1),
    rating('oct-r1', 'oct-hq-b1', 'yl-hongqi', 4, 1),
    rating('oct-r2', 'oct-hq-b2', 'yl-hongqi', 3, 1),
    rating('oct-r3', 'oct-hq-b3', 'yl-hongqi', 1, 0),
    rating('oct-r4', 'oct-jy-b0', 'yl-jiayuan', 5, 1),
    rating('oct-r5', 'oct-jy-b1', 'yl-jiayuan', 5, 1),
  ]).execute()
  await db.insertInto('rectification_cases').values({
    id: 'oct-c0', rating_id: 'oct-r3', facility_id: 'yl-hongqi', function_code: 'meal', status: 'answered', opened_at: '2026-10-12T08:00:00.000Z',
    due_date: '2026-10-20', answer: '已更换保温餐车', answered_at: '2026-10-19T02:00:00.000Z',
  }).execute()
}

/** Lunches of 40 on a day at each facility, none taken unless said: facilities that offered a service nobody used. */
async function seedLunches(t: TestApp, date: string, taken: Record<string, number> = {}): Promise<void> {
  const facilities = ['yl-hongqi', 'yl-jiayuan', 'yl-hangkong-erlu', 'yl-renmin-donglu']
  await t.store.db.kysely.insertInto('sessions').values(facilities.map((f) => ({
    id: `${date}-${f}`, facility_id: f, function_code: 'meal', date, part: 'lunch',
    starts_at: `${date}T03:30:00.000Z`, ends_at: `${date}T05:00:00.000Z`, capacity: 40, booked: taken[f] ?? 0,
  }))).execute()
}

/** 2026-08-10: 红旗 serves one lunch and gets one 非常不满意 (0 % satisfied); the other three serve nobody. */
async function seedAugust(t: TestApp, userId: string): Promise<void> {
  const db = t.store.db.kysely
  await seedLunches(t, '2026-08-10', { 'yl-hongqi': 1 })
  await db.insertInto('bookings').values({
    id: 'aug-hq-b0', code: '80000000', booker_user_id: userId, member_id: null, facility_id: 'yl-hongqi', function_code: 'meal',
    session_id: '2026-08-10-yl-hongqi', service_date: '2026-08-10', status: 'completed', quantity: 1, details: '{}', quote: '{}',
    payable_fen: 500, paid_fen: null, starts_at: '2026-08-10T03:30:00.000Z', cancel_until: '2026-08-10T01:30:00.000Z',
    created_at: '2026-08-08T02:00:00.000Z', updated_at: '2026-08-10T05:00:00.000Z',
  }).execute()
  await db.insertInto('ratings').values({
    id: 'aug-r0', booking_id: 'aug-hq-b0', facility_id: 'yl-hongqi', function_code: 'meal', rater_user_id: userId, level: 1,
    attitude: 1, quality: 1, environment: 1, price: 1, would_use_again: 0, comment: null, service_date: '2026-08-10',
    created_at: '2026-08-10T08:00:00.000Z',
  }).execute()
}

describe.each(DATABASES)('运营评估 on %s', (database) => {
  let t: TestApp
  let district: Headers
  let street: Headers
  // The app's clock: 2026-11-20, 10:00 in Shanghai, unless a test moves it (and puts it back).
  const november20 = new Date('2026-11-20T02:00:00Z')
  const clock = new TestClock(november20)
  const now = november20
  afterEach(() => clock.set(november20))
  beforeAll(async () => {
    clock.set(november20)
    t = await createTestApp(database, {}, undefined, clock)
    await devLogin(t.app, 'eval-fixture-owner')
    const owner = await t.store.db.kysely.selectFrom('users').select('id').where('openid', '=', 'dev:eval-fixture-owner').executeTakeFirstOrThrow()
    await seedOctober(t, owner.id)
    await seedAugust(t, owner.id)
    await seedLunches(t, '2026-07-15')
    district = await devLogin(t.app, 'district-clerk')
    street = await devLogin(t.app, 'street-clerk')
    await grantStaff(t.store.db.kysely, { user: 'dev:district-clerk', scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, now)
    await grantStaff(t.store.db.kysely, { user: 'dev:street-clerk', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, now)
  })
  afterAll(() => t.close())

  const errorOf = (body: string) => errorBodySchema.parse(JSON.parse(body)).error
  const evaluation = async (period: string, headers: Headers = district) =>
    evaluationResponseSchema.parse((await t.app.inject({ url: `/api/evaluation?period=${period}&function=meal`, headers })).json())
  const october = (headers: Headers) => evaluation('2026-10', headers)
  const storedPeriods = async () => (await t.store.db.kysely.selectFrom('qualified_lists').select('period').execute()).map((r) => r.period)

  // Changed with 数据不足 (issue 11): 佳苑, two bookings and two 非常满意, used to rank 1st over 红旗 on the strength of
  // them; it is now below the district's minimum (5 bookings, 3 ratings), unranked and listed after 红旗, which ranks 1st.
  // Every metric and both composites are as they were.
  it('computes every metric of a month on the hand-computed fixture and ranks only the facility with enough data', async () => {
    const e = await october(district)
    expect(e).toMatchObject({ from: '2026-10-01', to: '2026-10-31' })
    const m = 63 / 16
    expect(e.prior.mean).toBeCloseTo(m)
    // Composites by hand: weights 0.2 use, 0.1 completion, 0.3 satisfaction, 0.15 score, 0.15 willingness, 0.1 on time.
    const score = (sum: number, n: number) => (10 * m + sum) / (10 + n)
    const jiayuan = ((0.2 + 0.1 + 0.3 + 0.15 * ((score(10, 2) - 1) / 4) + 0.15) / 0.9) * 100
    const hongqi = (0.2 * 0.5 + 0.1 * (6 / 9) + 0.3 * 0.75 + 0.15 * ((score(13, 4) - 1) / 4) + 0.15 * 0.75 + 0.1) * 100
    const [first] = e.rows
    const second = e.rows.find((r) => r.facilityId === 'yl-jiayuan') ?? e.rows[1]
    expect(first).toMatchObject({ facilityId: 'yl-hongqi', rank: 1, insufficientData: false, insufficientReason: null })
    // Every facility that offers 助餐 is in the table; those without enough data come after the ranked, unranked.
    expect(e.rows.map((r) => r.facilityId).sort()).toEqual(['yl-hangkong-erlu', 'yl-hongqi', 'yl-jiayuan', 'yl-renmin-donglu'])
    expect(e.rows.slice(1).every((r) => r.rank === null && r.insufficientData)).toBe(true)
    expect(second).toMatchObject({ facilityId: 'yl-jiayuan', rank: null, insufficientData: true, insufficientReason: '数据不足：本期预约 2 次，少于 5 次；评价 2 条，少于 3 条' })
    expect(second).toMatchObject({ bookings: 2, utilisation: 1, completionRate: 1, ratings: 2, satisfactionRate: 1 })
    expect(second.adjustedScore).toBeCloseTo(score(10, 2), 6)
    expect(second.rectificationOnTimeRate).toBeNull()
    expect(second.composite).toBeCloseTo(jiayuan, 2)
    expect(second.composite).toBeGreaterThan(first.composite ?? 0)
    const hongqiRow = first
    expect(hongqiRow).toMatchObject({ bookings: 9, completed: 6, noShows: 2, utilisation: 0.5, ratings: 4 })
    expect(hongqiRow.completionRate).toBeCloseTo(6 / 9)
    expect(hongqiRow.noShowRate).toBeCloseTo(2 / 9)
    expect(hongqiRow).toMatchObject({ satisfactionRate: 0.75, meanLevel: 3.25, willingnessRate: 0.75, rectificationOnTimeRate: 1, overdueCases: 0 })
    expect(hongqiRow.adjustedScore).toBeCloseTo(score(13, 4), 6)
    expect(hongqiRow.composite).toBeCloseTo(hongqi, 2)
    expect(e.rankMinimum).toEqual({ bookings: 5, ratings: 3 })
  })

  it('does not rank a facility with one 差评 over facilities without data: all are 数据不足, none scores 0 against it', async () => {
    const e = await evaluation('2026-08')
    expect(e.rows.map((r) => r.facilityId).sort()).toEqual(['yl-hangkong-erlu', 'yl-hongqi', 'yl-jiayuan', 'yl-renmin-donglu'])
    const hongqi = e.rows.find((r) => r.facilityId === 'yl-hongqi')
    expect(hongqi).toMatchObject({ satisfactionRate: 0, rank: null, insufficientData: true, insufficientReason: '数据不足：本期预约 1 次，少于 5 次；评价 1 条，少于 3 条' })
    for (const row of e.rows.filter((r) => r.facilityId !== 'yl-hongqi')) {
      expect(row).toMatchObject({ bookings: 0, ratings: 0, rank: null, insufficientData: true, insufficientReason: '数据不足：本期预约 0 次，少于 5 次；评价 0 条，少于 3 条' })
    }
  })

  it('ranks nobody in a month where nobody has data, rather than tying everyone at 1', async () => {
    const e = await evaluation('2026-07')
    expect(e.rows).toHaveLength(4)
    expect(e.rows.map((r) => [r.rank, r.insufficientData])).toEqual(e.rows.map(() => [null, true]))
    const csv = await t.app.inject({ url: '/api/evaluation/export?period=2026-07&format=csv', headers: district })
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)
    // Every bookable service of every built facility, each 数据不足.
    expect(lines.length).toBeGreaterThanOrEqual(4)
    expect(new Set(lines.map((l) => l.split(',')[0]))).toEqual(new Set(['数据不足']))
  })

  it('exports the bulletin as CSV and as an XLSX that opens and holds the numbers', async () => {
    const csv = await t.app.inject({ url: '/api/evaluation/export?period=2026-10&format=csv', headers: district })
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0].split(',').slice(0, 5)).toEqual(['排名', '服务', '设施', '运营方', '综合得分'])
    const hongqi = evaluationSchema.parse((await t.app.inject({ url: '/api/evaluation?period=2026-10', headers: district })).json()).rows.find(
      (r) => r.facilityId === 'yl-hongqi' && r.function === 'meal',
    )
    const composite = String(hongqi?.composite)
    const line = (facility: string) => lines.find((l) => l.includes(facility) && l.includes('社区助餐'))
    expect(line('红旗')?.split(',')).toEqual(expect.arrayContaining(['1', '社区助餐', composite, '9', '75']))
    // 佳苑 is 数据不足: no rank, no composite to compare, and why in the last column.
    const jiayuan = line('佳苑')?.split(',') ?? []
    expect(jiayuan[0]).toBe('数据不足')
    expect(jiayuan[4]).toBe('')
    expect(jiayuan.at(-1)).toBe('数据不足：本期预约 2 次，少于 5 次；评价 2 条，少于 3 条')

    const xlsx = await t.app.inject({ url: '/api/evaluation/export?period=2026-10&format=xlsx', headers: district })
    expect(xlsx.headers['content-disposition']).toContain('attachment')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('2026-10')
    expect(String(sheet?.getCell('A1').value)).toContain('月度通报 2026-10')
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][]
    const row = rows.find((r) => String(r[3] ?? '').includes('红旗') && r[2] === '社区助餐')
    expect(row?.slice(1, 6)).toEqual([1, '社区助餐', expect.stringContaining('红旗'), expect.anything(), hongqi?.composite])
    expect(row?.[11]).toBe(75)
  })

  it('shows a street office its own facilities only, ranked as in the district, in the table and the export', async () => {
    // 新华路街道: 红旗 and 人民东路 (凌云, a reserve project, is not evaluated); not 航空二路 (振兴) nor 佳苑 (凤凰路).
    const own = await october(street)
    expect([...new Set(own.rows.map((r) => r.facilityId))].sort()).toEqual(['yl-hongqi', 'yl-renmin-donglu'])
    expect(own.rows.find((r) => r.facilityId === 'yl-hongqi')).toMatchObject({ rank: 1 })
    const csv = await t.app.inject({ url: '/api/evaluation/export?period=2026-10&format=csv', headers: street })
    expect(csv.body).toContain('红旗')
    expect(csv.body).not.toContain('佳苑')
    expect(csv.body).not.toContain('航空二路')
    const all = await october(district)
    expect(new Set(all.rows.map((r) => r.facilityId)).size).toBe(4)
  })

  it('tells the caller whether they may publish and whether the period has ended', async () => {
    expect(await october(street)).toMatchObject({ canPublish: false, ended: true })
    expect(await october(district)).toMatchObject({ canPublish: true, ended: true })
    expect(await evaluation('2026-11')).toMatchObject({ canPublish: true, ended: false })
    expect(await evaluation('2026-Q4')).toMatchObject({ canPublish: true, ended: false })
  })

  it('refuses to publish or preview a period that has not ended, and stores nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/evaluation/qualified?period=2026-Q4', headers: district })
    expect(res.statusCode).toBe(409)
    expect(errorOf(res.body)).toEqual({ code: 'period_not_ended', message: '2026 年第四季度还没有结束（12 月 31 日结束），结束后才能发布' })
    expect((await t.app.inject({ method: 'POST', url: '/api/evaluation/qualified?period=2026', headers: district })).statusCode).toBe(409)
    expect((await t.app.inject({ url: '/api/evaluation/qualified/preview?period=2026-Q4', headers: district })).statusCode).toBe(409)
    // The last day of November, 23:59:59 in Shanghai, November has not ended; a second later it has.
    clock.set('2026-11-30T15:59:59Z')
    expect((await t.app.inject({ method: 'POST', url: '/api/evaluation/qualified?period=2026-11', headers: district })).statusCode).toBe(409)
    clock.set('2026-11-30T16:00:00Z')
    expect((await t.app.inject({ url: '/api/evaluation/qualified/preview?period=2026-11', headers: district })).statusCode).toBe(200)
    expect(await storedPeriods()).toEqual([])
  })

  it('previews the list that would be published without storing it, for district staff only', async () => {
    const street403 = await t.app.inject({ url: '/api/evaluation/qualified/preview?period=2026-10', headers: street })
    expect(street403.statusCode).toBe(403)
    const res = await t.app.inject({ url: '/api/evaluation/qualified/preview?period=2026-10', headers: district })
    expect(res.statusCode).toBe(200)
    const preview = qualifiedListPreviewSchema.parse(res.json())
    expect(preview).toMatchObject({ period: '2026-10', districtName: '阎良区', replaces: null })
    expect(preview.operators.find((o) => o.operatorId === 'yl-hongqi-operator')).toMatchObject({
      verdict: 'not_qualified',
      reasons: ['本期评价 4 条，不足 10 条', '满意率 75.0%，低于 90.0%'],
    })
    // Too few ratings alone is 数据不足, not 未达标; a reserve project (凌云, not built) is not judged at all.
    expect(preview.operators.find((o) => o.operatorId === 'yl-renmin-donglu-operator')).toMatchObject({ verdict: 'insufficient_data' })
    expect(preview.operators.map((o) => o.operatorId)).not.toContain('yl-lingyun-operator')
    expect(await storedPeriods()).toEqual([])
  })

  it('publishes the qualified-operator list with reasons, readable by anyone and kept per period', async () => {
    const refused = await t.app.inject({ method: 'POST', url: '/api/evaluation/qualified?period=2026-10', headers: street })
    expect(refused.statusCode).toBe(403)
    expect(errorOf(refused.body).message).toContain('由区级工作人员完成')
    expect(await storedPeriods()).toEqual([])
    const res = await t.app.inject({ method: 'POST', url: '/api/evaluation/qualified?period=2026-10', headers: district })
    expect(res.statusCode).toBe(200)
    const published = qualifiedListSchema.parse((await t.app.inject({ url: '/api/operators/qualified?period=2026-10' })).json())
    expect(published.criteria).toEqual({ minRatings: 10, minSatisfaction: 0.9, maxOverdue: 0 })
    const hongqi = published.operators.find((o) => o.operatorId === 'yl-hongqi-operator')
    expect(hongqi).toMatchObject({ qualified: false, ratings: 4 })
    expect(hongqi?.reasons).toEqual(['本期评价 4 条，不足 10 条', '满意率 75.0%，低于 90.0%'])
    expect(published).toMatchObject({ districtName: '阎良区', computedAt: '2026-11-20T10:00:00+08:00' })
    // A period published again: the preview says which list it would replace.
    const again = qualifiedListPreviewSchema.parse((await t.app.inject({ url: '/api/evaluation/qualified/preview?period=2026-10', headers: district })).json())
    expect(again.replaces).toBe('2026-11-20T10:00:00+08:00')
    await t.app.inject({ method: 'POST', url: '/api/evaluation/qualified?period=2026-09', headers: district })
    expect((await t.app.inject({ url: '/api/operators/qualified' })).json().period).toBe('2026-10')
    expect((await t.app.inject({ url: '/api/operators/qualified?period=2026-09' })).statusCode).toBe(200)
  })

  it('counts coverage over resettled communities against the 2030 targets, leaving reserves out', async () => {
    const c = coverageSchema.parse((await t.app.inject({ url: '/api/evaluation/coverage', headers: street })).json())
    const of = (code: string) => c.functions.find((f) => f.function === code)
    expect(of('meal')).toMatchObject({ covered: 4, target: 0.7 })
    expect(of('meal')?.share).toBeCloseTo(4 / c.communities)
    expect(of('kids_play')).toMatchObject({ covered: 0, met: false })
  })

  it('is for government staff only: residents and operators are refused', async () => {
    const resident = await devLogin(t.app, 'eval-resident')
    const res = await t.app.inject({ url: '/api/evaluation?period=2026-10', headers: resident })
    expect(res.statusCode).toBe(403)
    expect(errorOf(res.body).message).toBe('仅限街道和区级工作人员使用')
    const operator = await devLogin(t.app, 'eval-operator')
    await grantStaff(t.store.db.kysely, { user: 'dev:eval-operator', scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, t.clock.now())
    expect((await t.app.inject({ url: '/api/evaluation/export?period=2026-10&format=csv', headers: operator })).statusCode).toBe(403)
    const bad = await t.app.inject({ url: '/api/evaluation?period=2026-13', headers: district })
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad.body).field).toBe('period')
  })

  it('publishes the quarter just ended by itself, once', async () => {
    const november = new Date('2026-11-20T02:00:00Z')
    expect(await publishEndedQuarter(t.store.db.kysely, november)).toEqual(['xa-yanliang'])
    expect(await publishEndedQuarter(t.store.db.kysely, november)).toEqual([])
    const q3 = qualifiedListSchema.parse((await t.app.inject({ url: '/api/operators/qualified?period=2026-Q3' })).json())
    expect(q3.operators.length).toBeGreaterThan(0)
    expect(q3.operators.every((o) => !o.qualified && o.reasons.length > 0)).toBe(true)
    // October ends after the third quarter: it stays the newest list.
    expect((await t.app.inject({ url: '/api/operators/qualified' })).json().period).toBe('2026-10')
    expect((await t.app.inject({ url: '/api/operators/qualified/periods' })).json().periods).toEqual(['2026-10', '2026-Q3', '2026-09'])
  })
})
