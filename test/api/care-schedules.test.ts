import { adminPriceChangeListSchema, careSchedulesSchema, districtRulesSchema, facilityPricesSchema } from '@shared/index'
import { publishCareSchedules } from '../../server/care/care-schedule'
import { dayCareId } from '../../server/db/seed/day-care'
import { operatorId } from '../../server/db/seed/ids'
import { seedDistrict } from '../../server/db/seed/seed'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays } from '../../server/time/shanghai'
import { type TestApp, createTestApp, devLogin, errorOf } from '../support/app'
import { DATABASES } from '../support/databases'

const CENTRE = 'yl-hongqi'
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7

// Operators publish every care service from a weekly schedule; the prices they set are public with their history.
describe.each(DATABASES)('care schedules and public prices on %s', (database) => {
  let t: TestApp
  const as: Record<'operator' | 'otherOperator' | 'street' | 'otherStreet' | 'district', { authorization: string }> = {} as never
  beforeAll(async () => {
    t = await createTestApp(database)
    const staff = async (openid: string, scopeKind: 'operator' | 'street' | 'district', scopeId: string) => {
      const headers = await devLogin(t.app, openid)
      await grantStaff(t.store.db.kysely, { user: `dev:${openid}`, scopeKind, scopeId, grantedBy: 'test' }, t.clock.now())
      return headers
    }
    as.operator = await staff('schedule-operator', 'operator', operatorId(CENTRE))
    as.otherOperator = await staff('schedule-other-operator', 'operator', operatorId('yl-jiayuan'))
    as.street = await staff('schedule-street', 'street', 'yl-xinhualu')
    as.otherStreet = await staff('schedule-other-street', 'street', 'yl-zhenxing')
    as.district = await staff('schedule-district', 'district', 'xa-yanliang')
  })
  afterAll(() => t.close())

  const db = () => t.store.db.kysely
  const call = (method: 'GET' | 'PUT', url: string, headers: object = {}, payload?: object) =>
    t.app.inject({ method, url, headers: headers as Record<string, string>, payload })
  const schedules = async () => careSchedulesSchema.parse((await call('GET', `/api/staff/facilities/${CENTRE}/care-schedules`, as.street)).json())
  const dayCare = async () => (await schedules()).schedules.find((s) => s.code === 'day_care')
  const session = (date: string) => db().selectFrom('sessions').selectAll().where('id', '=', dayCareId(CENTRE, date)).executeTakeFirst()
  const week = (priceFen: number, extra: object[] = []) => ({
    weeksAhead: 3,
    days: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, starts: '08:30', ends: '17:00', capacity: 20, priceFen })).concat(extra as never[]),
  })
  const putDayCare = (body: object, headers = as.operator) => call('PUT', `/api/staff/facilities/${CENTRE}/care-schedules/day_care`, headers, body)

  it('shows the sample week as the operator’s, published as far ahead as it says', async () => {
    const schedule = await dayCare()
    expect(schedule).toMatchObject({ name: '日间照料', weeksAhead: 2 })
    expect(schedule?.days.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4])
    const published = await db().selectFrom('sessions').select('date').where('facility_id', '=', CENTRE).where('part', '=', 'full_day').where('function_code', '=', 'elderly_care').execute()
    const today = t.clock.today()
    expect(published.every((s) => s.date >= today && s.date < addDays(today, 14))).toBe(true)
    expect(schedule?.publishedThrough).toBe(published.map((s) => s.date).sort().at(-1))
  })

  it('publishes a changed week from the first unpublished day: published days keep their price and places', async () => {
    const before = await dayCare()
    const lastPublished = before?.publishedThrough as string
    const publishedPrice = (await session(lastPublished))?.price_fen
    // Saturday opens, at a weekend price; the weekday price goes up; three weeks ahead instead of two.
    const saturday = { weekday: 5, starts: '09:00', ends: '16:00', capacity: 8, priceFen: 3500 }
    const res = await putDayCare(week(3200, [saturday]))
    expect(res.statusCode).toBe(200)
    const after = careSchedulesSchema.parse(res.json()).schedules.find((s) => s.code === 'day_care')
    expect(after?.weeksAhead).toBe(3)
    expect(after?.publishedThrough && after.publishedThrough > lastPublished).toBe(true)

    expect((await session(lastPublished))?.price_fen).toBe(publishedPrice)
    const firstNew = addDays(lastPublished, 1)
    const nextWeekday = [0, 1, 2].map((n) => addDays(firstNew, n)).find((d) => weekdayOf(d) < 5) as string
    expect((await session(nextWeekday))?.price_fen).toBe(3200)
    const nextSaturday = [0, 1, 2, 3, 4, 5, 6].map((n) => addDays(firstNew, n)).find((d) => weekdayOf(d) === 5) as string
    expect(await session(nextSaturday)).toMatchObject({ price_fen: 3500, capacity: 8, starts_at: expect.any(String) })
    expect(await session(addDays(nextSaturday, 1))).toBeUndefined()

    // 价格公示: the new prices, since the first day they apply to, with the old one in the history.
    const prices = facilityPricesSchema.parse((await call('GET', `/api/facilities/${CENTRE}/prices`)).json())
    const items = prices.items.filter((i) => i.functionCode === 'elderly_care')
    expect(items).toEqual([
      expect.objectContaining({ label: '日间照料（周一至周五）', priceFen: 3200, unit: '元/天', effectiveFrom: firstNew }),
      expect.objectContaining({ label: '日间照料（周六）', priceFen: 3500, effectiveFrom: firstNew }),
    ])
    // The history is the operator's changes, a change of five weekdays at once one line; the sample prices are not changes.
    expect(prices.changes.filter((c) => c.functionCode === 'elderly_care')).toEqual([
      expect.objectContaining({ label: '日间照料（周一至周五）', priceFen: 3200, previousFen: 3000, effectiveFrom: firstNew }),
      expect.objectContaining({ label: '日间照料（周六）', priceFen: 3500, previousFen: null, effectiveFrom: firstNew }),
    ])
    // Meals read one line per meal and price, naming the sets at that price (午餐：素食套餐、… 10 元).
    const meals = prices.items.filter((i) => i.functionCode === 'meal')
    expect(meals.length).toBeGreaterThan(0)
    expect(meals.every((i) => /^(早餐|午餐|晚餐)(：.+)?$/.test(i.label) && i.unit === '元/份')).toBe(true)
    expect(new Set(meals.map((i) => `${i.label.slice(0, 2)}|${i.priceFen}`)).size).toBe(meals.length)

    // The street office sees each change at its own facilities, made by the operator; another street sees none.
    const own = adminPriceChangeListSchema.parse((await call('GET', '/api/admin/price-changes', as.street)).json())
    expect(own.changes).toEqual(expect.arrayContaining([expect.objectContaining({ facilityId: CENTRE, label: '日间照料（周六）', priceFen: 3500, byOperator: true })]))
    const other = adminPriceChangeListSchema.parse((await call('GET', '/api/admin/price-changes', as.otherStreet)).json())
    expect(other.changes.some((c) => c.facilityId === CENTRE)).toBe(false)
  })

  it('the same week saved again changes no price and publishes nothing twice', async () => {
    const count = async () => Number((await db().selectFrom('price_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await count()
    const saturday = { weekday: 5, starts: '09:00', ends: '16:00', capacity: 8, priceFen: 3500 }
    expect((await putDayCare(week(3200, [saturday]))).statusCode).toBe(200)
    expect(await count()).toBe(before)
    expect(await publishCareSchedules(db(), t.clock.now())).toBe(0)
  })

  it.each([
    ['an end before the start', week(3000, [{ weekday: 5, starts: '17:00', ends: '09:00', capacity: 8, priceFen: 3500 }]), 'days.5.ends'],
    ['the same weekday twice', week(3000, [{ weekday: 0, starts: '09:00', ends: '16:00', capacity: 8, priceFen: 3500 }]), 'days'],
    ['a negative price', week(-1), 'days.0.priceFen'],
    ['too many weeks ahead', { ...week(3000), weeksAhead: 13 }, 'weeksAhead'],
    ['classes for a service without them', week(3000, [{ weekday: 5, starts: '09:00', ends: '16:00', capacity: 8, priceFen: 1, classes: [{ classCode: 'infant', capacity: 1, priceFen: 1 }] }]), 'days.5.classes'],
  ])('refuses %s with the field, and writes nothing', async (_, body, field) => {
    const before = await dayCare()
    const res = await putDayCare(body)
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body)).toMatchObject({ field })
    expect(errorOf(res.body).message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await dayCare()).toEqual(before)
  })

  it('keeps 托育 classes within the standard and a service to the facilities that offer it', async () => {
    const nursery = 'yl-hangkong-erlu'
    const operator = await devLogin(t.app, 'nursery-operator')
    await grantStaff(db(), { user: 'dev:nursery-operator', scopeKind: 'operator', scopeId: operatorId(nursery), grantedBy: 'test' }, t.clock.now())
    const tooMany = { weeksAhead: 4, days: [{ weekday: 0, starts: '08:00', ends: '17:30', capacity: 11, priceFen: 9000, classes: [{ classCode: 'infant', capacity: 11, priceFen: 9000 }] }] }
    const res = await call('PUT', `/api/staff/facilities/${nursery}/care-schedules/infant_care`, operator, tooMany)
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body)).toMatchObject({ field: 'days.0.classes.0.capacity' })
    expect(errorOf(res.body).message).toContain('乳儿班最多 10 人')
    // 红旗社区 has no 托育: its operator cannot publish any.
    const notOffered = await call('PUT', `/api/staff/facilities/${CENTRE}/care-schedules/infant_care`, as.operator, { ...tooMany, days: [{ ...tooMany.days[0], classes: [{ classCode: 'infant', capacity: 5, priceFen: 9000 }] }] })
    expect(notOffered.statusCode).toBe(400)
    expect(errorOf(notOffered.body)).toMatchObject({ field: 'schedule' })
  })

  it('changes a 托育 rate from today: the public list and its history say so; a duplicate is refused', async () => {
    const nursery = 'yl-hangkong-erlu'
    const operator = await devLogin(t.app, 'nursery-operator')
    const url = `/api/staff/facilities/${nursery}/infant-rates`
    const { rates } = (await call('GET', url, operator)).json() as { rates: { classCode: string; careType: string; priceFen: number }[] }
    expect(rates).toContainEqual({ classCode: 'toddler_small', careType: 'hourly', priceFen: 1300 })
    const raised = rates.map((r) => (r.classCode === 'toddler_small' && r.careType === 'hourly' ? { ...r, priceFen: 1400 } : r))
    const twice = await call('PUT', url, operator, { rates: [...raised, raised[0]] })
    expect(twice.statusCode).toBe(400)
    expect(errorOf(twice.body)).toMatchObject({ field: 'rates' })
    expect((await call('PUT', url, as.operator, { rates: raised })).statusCode).toBe(403)
    expect((await call('PUT', url, operator, { rates: raised })).statusCode).toBe(200)
    const prices = facilityPricesSchema.parse((await call('GET', `/api/facilities/${nursery}/prices`)).json())
    expect(prices.items).toContainEqual(expect.objectContaining({ label: '托小班 · 计时托', priceFen: 1400, unit: '元/小时', effectiveFrom: t.clock.today() }))
    expect(prices.changes).toContainEqual(expect.objectContaining({ label: '托小班 · 计时托', priceFen: 1400, previousFen: 1300 }))
  })

  it('lets only the facility’s own operator change its week', async () => {
    expect((await putDayCare(week(1), as.otherOperator)).statusCode).toBe(403)
    expect((await putDayCare(week(1), as.street)).statusCode).toBe(403)
    expect((await dayCare())?.days[0].priceFen).toBe(3200)
  })

  it('publishes 放学后 and 假期 托管 by the district’s school breaks, which district staff edit', async () => {
    const centre = 'yl-jiayuan'
    // A break two weeks from now, beyond what is published of it so far: the district adds it; a street cannot.
    const from = addDays(t.clock.today(), 60)
    const to = addDays(from, 9)
    const rules = districtRulesSchema.parse((await call('GET', '/api/admin/rules', as.district)).json())
    const weekBefore = addDays(from, -7)
    const breaks = [...rules.schoolBreaks.filter((b) => b.to < weekBefore || b.from > to), { from, to, name: '测试假期' }]
    expect((await call('PUT', '/api/admin/rules/school-breaks', as.street, { breaks })).statusCode).toBe(403)
    const overlapping = await call('PUT', '/api/admin/rules/school-breaks', as.district, { breaks: [...breaks, { from: addDays(from, 2), to: addDays(from, 3), name: '重叠' }] })
    expect(overlapping.statusCode).toBe(400)
    expect(errorOf(overlapping.body)).toMatchObject({ field: 'breaks' })
    const saved = await call('PUT', '/api/admin/rules/school-breaks', as.district, { breaks })
    expect(saved.statusCode).toBe(200)
    expect(districtRulesSchema.parse(saved.json()).schoolBreaks).toContainEqual({ from, to, name: '测试假期' })

    // Published later (the hourly job), the break's days are holiday care, all day, every day of it.
    await publishCareSchedules(db(), new Date(t.clock.now().getTime() + 30 * 86_400_000))
    const days = await db()
      .selectFrom('sessions')
      .select(['date', 'part'])
      .where('facility_id', '=', centre)
      .where('function_code', '=', 'child_care')
      .where('date', '>=', weekBefore)
      .where('date', '<=', to)
      .orderBy('date')
      .execute()
    const partsOn = (date: string) => days.filter((d) => d.date === date).map((d) => d.part)
    expect(Array.from({ length: 10 }, (_, i) => partsOn(addDays(from, i)))).toEqual(Array(10).fill(['full_day']))
    // The school week before it: after school on weekdays, nothing at the weekend.
    const before = Array.from({ length: 7 }, (_, i) => addDays(weekBefore, i))
    expect(before.map(partsOn)).toEqual(before.map((d) => (weekdayOf(d) < 5 ? ['afternoon'] : [])))
  })

  it('keeps an operator’s week through a restart of the demo', async () => {
    await seedDistrict(t.store.db, t.clock.now())
    expect((await dayCare())?.days.find((d) => d.weekday === 5)?.priceFen).toBe(3500)
  })
})
