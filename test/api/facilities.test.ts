import { errorBodySchema, facilityDetailSchema, facilityListSchema } from '@shared/index'
import { seedDistrict } from '../../server/db/seed/seed'
import { bumpCacheVersion } from '../../server/db/cache-version'
import { DATABASES } from '../support/databases'
import { type TestApp, createTestApp } from '../support/app'

describe.each(DATABASES)('facilities API on %s', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(database)
  })
  afterAll(() => t.close())

  const get = (url: string) => t.app.inject({ method: 'GET', url })

  it('lists the nine functions', async () => {
    const res = await get('/api/functions')
    expect(res.statusCode).toBe(200)
    const { functions } = res.json()
    expect(functions.map((f: { code: string }) => f.code)).toEqual([
      'elderly_care', 'infant_care', 'child_care', 'meal', 'housekeeping', 'health', 'fitness', 'culture', 'kids_play',
    ])
    expect(functions.find((f: { code: string }) => f.code === 'meal').name).toBe('社区助餐')
  })

  it('lists the five facilities of the plan by name, with street office and functions', async () => {
    const res = await get('/api/facilities')
    expect(res.statusCode).toBe(200)
    const { facilities } = facilityListSchema.parse(res.json())
    expect(facilities).toHaveLength(5)
    const names = facilities.map((f) => f.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')))
    const hangkong = facilities.find((f) => f.id === 'yl-hangkong-erlu')
    expect(hangkong).toMatchObject({
      name: '航空二路社区嵌入式服务设施',
      street: '振兴街道',
      areaSqm: 2535,
      coordinatesApproximate: true,
      isComplex: true,
    })
    expect(hangkong?.functions).toEqual(['elderly_care', 'infant_care', 'child_care', 'meal', 'housekeeping', 'culture'])
    expect(facilities.every((f) => f.distanceM === undefined)).toBe(true)
  })

  it('filters by function', async () => {
    const meals = facilityListSchema.parse((await get('/api/facilities?function=meal')).json()).facilities
    expect(meals.map((f) => f.id).sort()).toEqual(['yl-hangkong-erlu', 'yl-hongqi', 'yl-jiayuan', 'yl-renmin-donglu'])
    const infant = facilityListSchema.parse((await get('/api/facilities?function=infant_care')).json()).facilities
    expect(infant.map((f) => f.id).sort()).toEqual(['yl-hangkong-erlu', 'yl-renmin-donglu'])
    const play = facilityListSchema.parse((await get('/api/facilities?function=kids_play')).json()).facilities
    expect(play).toEqual([])
  })

  it('gives distances and sorts nearest first when a position is given', async () => {
    // Standing at 红旗社区's pin.
    const res = await get('/api/facilities?lat=34.6534&lng=109.2301')
    expect(res.statusCode).toBe(200)
    const { facilities } = facilityListSchema.parse(res.json())
    expect(facilities[0].id).toBe('yl-hongqi')
    expect(facilities[0].distanceM).toBe(0)
    const distances = facilities.map((f) => f.distanceM as number)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    // 红旗 → 航空二路: about 0.9 km apart on the seed's pins.
    const hangkong = facilities.find((f) => f.id === 'yl-hangkong-erlu')
    expect(hangkong?.distanceM).toBeGreaterThan(800)
    expect(hangkong?.distanceM).toBeLessThan(1000)
  })

  it.each([
    ['/api/facilities?function=swimming', 'function'],
    ['/api/facilities?lat=91&lng=109', 'lat'],
    ['/api/facilities?lat=34&lng=181', 'lng'],
    ['/api/facilities?lat=abc&lng=109', 'lat'],
    ['/api/facilities?lat=&lng=109', 'lat'],
    ['/api/facilities?lat=1e2&lng=109', 'lat'],
    ['/api/facilities?lat=34.6', 'lng'],
    ['/api/facilities?page=2', 'page'],
    ['/api/facilities?function=meal&function=health', 'function'],
    ['/api/facilities/Not%20An%20Id', 'id'],
  ])('refuses %s with 400 naming %s', async (url, field) => {
    const res = await get(url)
    expect(res.statusCode).toBe(400)
    const body = errorBodySchema.parse(res.json())
    expect(body.error.code).toBe('invalid_input')
    expect(body.error.field).toBe(field)
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('shows a facility in detail', async () => {
    const res = await get('/api/facilities/yl-lingyun')
    expect(res.statusCode).toBe(200)
    const detail = facilityDetailSchema.parse(res.json())
    expect(detail).toMatchObject({
      name: '凌云社区嵌入式服务设施',
      district: '阎良区',
      street: '新华路街道',
      address: '阎良区科研巷社区办公活动用房',
      areaSqm: 1870,
      year: 2025,
      investmentWan: 1300,
      operatingModels: ['公办民营'],
      isReserve: true,
    })
    expect(detail.operator?.name).toContain('示例')
    expect(detail.hours.length).toBeGreaterThan(0)
    expect(detail.dataNote).toContain('大致位置')
  })

  const detailOf = async (id: string) => facilityDetailSchema.parse((await get(`/api/facilities/${id}`)).json())
  const serviceOf = async (id: string, code: string) => (await detailOf(id)).services.find((s) => s.code === code)

  it('says per service whether it can be booked here now, and where it can when not: 凌云 is a reserve project', async () => {
    const lingyun = await detailOf('yl-lingyun')
    // 养老服务 is 日间照料 and 短期托养; 儿童托管 is booked too; 文化休闲 and 健康服务 are not booked in the app.
    expect(lingyun.services.map((s) => [s.code, s.name, s.bookable])).toEqual([
      ['day_care', '日间照料', false],
      ['respite', '短期托养', false],
      ['after_school', '儿童托管', false],
    ])
    // Nearest to 凌云 of the facilities where each can be booked now.
    expect(lingyun.services.map((s) => s.nearest?.facilityId)).toEqual(['yl-hongqi', 'yl-jiayuan', 'yl-jiayuan'])
    expect(lingyun.services[1].nearest).toMatchObject({ name: '佳苑社区嵌入式服务设施' })
    expect(lingyun.services[1].nearest?.distanceM).toBeGreaterThan(500)
    expect(lingyun.services[1].nearest?.distanceM).toBeLessThan(800)
  })

  it('offers 日间照料 at 红旗 but points 短期托养 to the nearest home with beds', async () => {
    const hongqi = await detailOf('yl-hongqi')
    expect(hongqi.services.map((s) => [s.code, s.bookable, s.nearest?.facilityId ?? null])).toEqual([
      ['meal', true, null],
      ['day_care', true, null],
      ['respite', false, 'yl-hangkong-erlu'],
    ])
    const hangkong = await detailOf('yl-hangkong-erlu')
    expect(hangkong.services.filter((s) => s.bookable).map((s) => s.code)).toEqual(['meal', 'respite', 'infant_care', 'after_school'])
    expect(hangkong.services.find((s) => s.code === 'day_care')?.nearest?.facilityId).toBe('yl-hongqi')
  })

  it('counts a service as bookable only with the district’s booking rule and sessions still to come', async () => {
    const db = t.store.db.kysely
    expect((await serviceOf('yl-renmin-donglu', 'day_care'))?.bookable).toBe(true)
    const rule = await db.selectFrom('booking_rules').selectAll().where('facility_id', '=', 'yl-renmin-donglu').where('function_code', '=', 'elderly_care').executeTakeFirstOrThrow()
    await db.deleteFrom('booking_rules').where('facility_id', '=', 'yl-renmin-donglu').where('function_code', '=', 'elderly_care').execute()
    try {
      expect(await serviceOf('yl-renmin-donglu', 'day_care')).toMatchObject({ bookable: false, nearest: { facilityId: 'yl-hongqi' } })
      // With the rule but every day closed (停业), it is not open either.
      await db.insertInto('booking_rules').values(rule).execute()
      await db.updateTable('sessions').set({ open: 0 }).where('facility_id', '=', 'yl-renmin-donglu').where('function_code', '=', 'elderly_care').execute()
      expect(await serviceOf('yl-renmin-donglu', 'day_care')).toMatchObject({ bookable: false, nearest: { facilityId: 'yl-hongqi' } })
      // No facility offers it: nothing to point to.
      await db.updateTable('sessions').set({ open: 0 }).where('function_code', '=', 'elderly_care').where('part', '=', 'full_day').execute()
      expect(await serviceOf('yl-renmin-donglu', 'day_care')).toMatchObject({ bookable: false, nearest: null })
    } finally {
      await db.updateTable('sessions').set({ open: 1 }).where('function_code', '=', 'elderly_care').execute()
      await db.insertInto('booking_rules').values(rule).onConflict((oc) => oc.doNothing()).execute()
    }
    expect((await serviceOf('yl-renmin-donglu', 'day_care'))?.bookable).toBe(true)
  })

  it('answers 404 in the error shape for an unknown facility and an unknown path', async () => {
    for (const url of ['/api/facilities/no-such-place', '/api/nothing-here']) {
      const res = await get(url)
      expect(res.statusCode).toBe(404)
      expect(errorBodySchema.parse(res.json()).error.code).toBe('not_found')
    }
  })

  it('seeds idempotently: seeding again duplicates nothing', async () => {
    const count = async (table: 'facilities' | 'facility_functions' | 'streets' | 'operators') =>
      (await t.store.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    const before = await Promise.all([count('facilities'), count('facility_functions'), count('streets'), count('operators')])
    await seedDistrict(t.store.db, t.clock.now())
    await seedDistrict(t.store.db, t.clock.now())
    const after = await Promise.all([count('facilities'), count('facility_functions'), count('streets'), count('operators')])
    expect(after).toEqual(before)
    expect(before).toEqual([5, 24, 3, 5])
  })

  it('reports health with the database kind', async () => {
    const res = await get('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: { kind: database, reachable: true } })
  })

  it('sends security headers', async () => {
    const res = await get('/api/facilities')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  it('finds facilities by name, community, street or address, any words in any order', async () => {
    const ids = async (q: string) =>
      facilityListSchema.parse((await get(`/api/facilities?q=${encodeURIComponent(q)}`)).json()).facilities.map((f) => f.id)
    expect(await ids('红旗')).toEqual(['yl-hongqi'])
    expect(await ids('逸飞小区')).toEqual(['yl-jiayuan'])
    expect((await ids('新华路')).sort()).toEqual(['yl-hongqi', 'yl-lingyun', 'yl-renmin-donglu'].sort())
    expect(await ids('新华路 科研巷')).toEqual(['yl-lingyun'])
    expect(await ids('红旗社区')).toEqual(['yl-hongqi'])
    expect(await ids('没有这个地方')).toEqual([])
    const tooLong = await get(`/api/facilities?q=${'很'.repeat(31)}`)
    expect(tooLong.statusCode).toBe(400)
    expect(errorBodySchema.parse(tooLong.json()).error.message).toContain('搜索词最多 30 个字')
  })

  it('says on the list and the detail whether each is open now, by the server clock in Shanghai', async () => {
    t.clock.set('2026-12-02T09:00:00+08:00')
    try {
      const list = facilityListSchema.parse((await get('/api/facilities')).json()).facilities
      expect(list.find((f) => f.id === 'yl-hongqi')?.openNow).toMatchObject({ label: '营业中', todayHours: '08:00–20:00' })
      expect(list.find((f) => f.id === 'yl-lingyun')?.openNow.label).toBe('未开放')
      t.clock.set('2026-12-02T21:30:00+08:00')
      const detail = facilityDetailSchema.parse((await get('/api/facilities/yl-hongqi')).json())
      expect(detail.openNow).toMatchObject({ label: '已休息', next: '明天 08:00 开门' })
    } finally {
      t.clock.reset()
    }
  })

  it('gives the list the phone for a call button once the street publishes one (the plan gives none)', async () => {
    const phoneOf = async () => facilityListSchema.parse((await get('/api/facilities')).json()).facilities.find((f) => f.id === 'yl-hongqi')?.phone
    expect(await phoneOf()).toBeNull()
    await t.store.db.kysely.updateTable('facilities').set({ phone: '029-86161234' }).where('id', '=', 'yl-hongqi').execute()
    // Whatever writes facilities bumps the directory's version (the district's administration does, in its transaction).
    await bumpCacheVersion(t.store.db.kysely, 'facilities')
    expect(await phoneOf()).toBe('029-86161234')
    await t.store.db.kysely.updateTable('facilities').set({ phone: null }).where('id', '=', 'yl-hongqi').execute()
    await bumpCacheVersion(t.store.db.kysely, 'facilities')
  })
})
