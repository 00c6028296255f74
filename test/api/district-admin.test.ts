import { adminFacilityListSchema, auditListSchema, facilityDetailSchema, facilityListSchema } from '@shared/index'
import { seedDistrict } from '../../server/db/seed/seed'
import { grantStaff } from '../../server/staff/staff-grants'
import { type TestApp, createTestApp, devLogin, errorOf } from '../support/app'
import { addMember, mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'
import { sheetRoutes } from '../support/spreadsheets'

// The district enters and keeps its own facilities and operators in the app; a street office its own streets'.
describe.each(DATABASES)('the district’s administration on %s', (database) => {
  let t: TestApp
  const as: Record<'district' | 'street' | 'otherStreet' | 'resident', { authorization: string }> = {} as never
  beforeAll(async () => {
    t = await createTestApp(database)
    const staff = async (openid: string, scopeKind: 'street' | 'district', scopeId: string) => {
      const headers = await devLogin(t.app, openid)
      await grantStaff(t.store.db.kysely, { user: `dev:${openid}`, scopeKind, scopeId, grantedBy: 'test' }, t.clock.now())
      return headers
    }
    as.district = await staff('admin-district', 'district', 'xa-yanliang')
    as.street = await staff('admin-street', 'street', 'yl-xinhualu')
    as.otherStreet = await staff('admin-other-street', 'street', 'yl-zhenxing')
    as.resident = await devLogin(t.app, 'admin-resident')
  })
  afterAll(() => t.close())

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: object = {}, payload?: object) =>
    t.app.inject({ method, url, headers: headers as Record<string, string>, payload })
  const publicDetail = async (id: string) => facilityDetailSchema.parse((await call('GET', `/api/facilities/${id}`)).json())
  const auditCount = async () =>
    Number((await t.store.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  it('edits a facility’s phone, hours and functions; residents see it at once; the audit says who, before and after', async () => {
    const before = await publicDetail('yl-hongqi')
    const editedFrom = Math.floor(t.clock.now().getTime() / 1000) * 1000
    const hours = [{ days: '周一至周六', opens: '07:30', closes: '19:00' }]
    const res = await call('PATCH', '/api/admin/facilities/yl-hongqi', as.street, { phone: '029-86861234', hours, functions: [...before.functions, 'fitness'] })
    expect(res.statusCode).toBe(200)
    const after = await publicDetail('yl-hongqi')
    expect(after.phone).toBe('029-86861234')
    expect(after.hours).toEqual(hours)
    expect(after.functions).toContain('fitness')
    const list = facilityListSchema.parse((await call('GET', '/api/facilities?function=fitness')).json())
    expect(list.facilities.map((f) => f.id)).toContain('yl-hongqi')

    const { entries } = auditListSchema.parse((await call('GET', '/api/admin/audit', as.district)).json())
    const entry = entries.find((e) => e.entityId === 'yl-hongqi' && e.action === 'edit')
    const clerk = (await call('GET', '/api/me', as.street)).json().user.id
    expect(entry).toMatchObject({ userId: clerk, entity: 'facility', before: { phone: null, hours: before.hours }, after: { phone: '029-86861234', hours } })
    // When, by the app's clock (not the machine's), to the second and in Shanghai time as every instant of the API.
    expect(entry?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    const at = new Date(entry?.at ?? '').getTime()
    expect(at).toBeGreaterThanOrEqual(editedFrom)
    expect(at).toBeLessThanOrEqual(t.clock.now().getTime())
    // The street office reads its own facilities' changes, the other street none of them.
    const other = auditListSchema.parse((await call('GET', '/api/admin/audit', as.otherStreet)).json())
    expect(other.entries.map((e) => e.entityId)).not.toContain('yl-hongqi')
  })

  it('keeps the edit through a restart of the demo', async () => {
    await seedDistrict(t.store.db, t.clock.now())
    expect((await publicDetail('yl-hongqi')).phone).toBe('029-86861234')
  })

  it('refuses another street’s facility and a resident, writing nothing', async () => {
    const audits = await auditCount()
    const other = await call('PATCH', '/api/admin/facilities/yl-hongqi', as.otherStreet, { phone: '029-11112222' })
    expect(other.statusCode).toBe(403)
    const resident = await call('PATCH', '/api/admin/facilities/yl-hongqi', as.resident, { phone: '029-11112222' })
    expect(resident.statusCode).toBe(403)
    expect((await publicDetail('yl-hongqi')).phone).toBe('029-86861234')
    expect(await auditCount()).toBe(audits)
    // Only the street's own facilities are listed to it.
    const listed = adminFacilityListSchema.parse((await call('GET', '/api/admin/facilities', as.otherStreet)).json())
    expect(listed.facilities.map((f) => f.id)).not.toContain('yl-hongqi')
    expect(listed.facilities.length).toBeGreaterThan(0)
  })

  it('answers bad input with the field and a Chinese reason, and changes nothing', async () => {
    const audits = await auditCount()
    const cases: [object, string, string][] = [
      [{ phone: '12' }, 'phone', '电话格式不正确'],
      [{ hours: [{ days: '每天', opens: '19:00', closes: '08:00' }] }, 'hours.0.closes', '关门时间应晚于开门时间'],
      [{ hours: [{ days: '每天', opens: '25:00', closes: '26:00' }] }, 'hours.0.opens', '时间应为 时:分'],
      [{ functions: [] }, 'functions', '至少选择一项服务功能'],
      [{ lat: 34.6 }, 'lng', '经纬度需同时提供'],
      [{ areaSqm: '大' }, 'areaSqm', '面积应为数字'],
      [{ communityId: 'yl-zhenxing-community-x' }, 'communityId', '不是您管辖范围内的社区'],
      [{ operatorId: 'nobody' }, 'operatorId', '没有这个运营方'],
      [{}, '', '没有要修改的内容'],
    ]
    for (const [payload, field, reason] of cases) {
      const res = await call('PATCH', '/api/admin/facilities/yl-hongqi', as.street, payload)
      expect([res.statusCode, JSON.stringify(payload)]).toEqual([400, JSON.stringify(payload)])
      const error = errorOf(res.body)
      if (field) expect(error.field).toBe(field)
      expect(error.message).toContain(reason)
    }
    expect((await publicDetail('yl-hongqi')).phone).toBe('029-86861234')
    expect(await auditCount()).toBe(audits)
  })

  it('creates a facility in its street, takes it out of service and back, and never reuses an id', async () => {
    const listed = adminFacilityListSchema.parse((await call('GET', '/api/admin/facilities', as.street)).json())
    const community = listed.communities[0]
    const fields = {
      id: 'yl-xinhua-new',
      name: '新华路社区嵌入式服务设施',
      communityId: community.id,
      address: '新华路 88 号',
      areaSqm: 680,
      year: 2027,
      hours: [{ days: '周一至周日', opens: '08:00', closes: '20:00' }],
      functions: ['meal', 'culture', 'health'],
      lat: 34.66,
      lng: 109.23,
      isReserve: false,
    }
    const created = await call('POST', '/api/admin/facilities', as.street, fields)
    expect(created.statusCode).toBe(201)
    expect((await publicDetail('yl-xinhua-new')).street).toBe(community.street)
    const again = await call('POST', '/api/admin/facilities', as.street, fields)
    // The form says it under 设施编号.
    expect([again.statusCode, errorOf(again.body).field]).toEqual([409, 'id'])

    expect((await call('POST', '/api/admin/facilities/yl-xinhua-new/retire', as.street)).statusCode).toBe(200)
    expect((await call('GET', '/api/facilities/yl-xinhua-new')).statusCode).toBe(404)
    const all = facilityListSchema.parse((await call('GET', '/api/facilities')).json())
    expect(all.facilities.map((f) => f.id)).not.toContain('yl-xinhua-new')
    expect((await call('GET', '/api/facilities/yl-xinhua-new/sessions?function=meal')).statusCode).toBe(404)
    const edit = await call('PATCH', '/api/admin/facilities/yl-xinhua-new', as.street, { phone: '029-86860000' })
    expect(edit.statusCode).toBe(409)

    expect((await call('POST', '/api/admin/facilities/yl-xinhua-new/reopen', as.street)).statusCode).toBe(200)
    expect((await publicDetail('yl-xinhua-new')).name).toBe('新华路社区嵌入式服务设施')
    const { entries } = auditListSchema.parse((await call('GET', '/api/admin/audit', as.street)).json())
    expect(entries.filter((e) => e.entityId === 'yl-xinhua-new').map((e) => e.action).sort()).toEqual(['create', 'reopen', 'retire'])
  })

  it('keeps a function’s own hours: shown to residents, dropped with the function, untouched by a sheet import', async () => {
    const { communities } = adminFacilityListSchema.parse((await call('GET', '/api/admin/facilities', as.street)).json())
    const lunch = [{ days: '周一至周日', opens: '11:00', closes: '13:00' }]
    const fields = {
      id: 'yl-xinhua-hours', name: '新华时段社区嵌入式服务设施', communityId: communities[0].id, address: '新华路 90 号', areaSqm: 600, year: 2027,
      hours: [{ days: '周一至周日', opens: '08:00', closes: '20:00' }], functions: ['meal', 'culture'], lat: 34.66, lng: 109.23, isReserve: false,
    }
    const stray = await call('POST', '/api/admin/facilities', as.street, { ...fields, functionHours: [{ function: 'health', hours: lunch }] })
    expect([stray.statusCode, errorOf(stray.body).field]).toEqual([400, 'functionHours.0.function'])
    expect(errorOf(stray.body).message).toContain('设施没有这项服务功能')
    const badClock = await call('POST', '/api/admin/facilities', as.street, { ...fields, functionHours: [{ function: 'meal', hours: [{ ...lunch[0], closes: '10:00' }] }] })
    expect([badClock.statusCode, errorOf(badClock.body).field]).toEqual([400, 'functionHours.0.hours.0.closes'])

    expect((await call('POST', '/api/admin/facilities', as.street, { ...fields, functionHours: [{ function: 'meal', hours: lunch }] })).statusCode).toBe(201)
    expect((await publicDetail('yl-xinhua-hours')).functionHours).toEqual([{ function: 'meal', hours: lunch }])

    // A sheet has no column for them: exporting and importing the list again leaves them.
    const { download, upload } = sheetRoutes('/api/admin/facilities', () => t, () => as.street)
    expect((await upload(await download('export'))).statusCode).toBe(200)
    expect((await publicDetail('yl-xinhua-hours')).functionHours).toEqual([{ function: 'meal', hours: lunch }])

    const strayEdit = await call('PATCH', '/api/admin/facilities/yl-xinhua-hours', as.street, { functionHours: [{ function: 'health', hours: lunch }] })
    expect([strayEdit.statusCode, errorOf(strayEdit.body).field]).toEqual([400, 'functionHours.0.function'])
    expect((await call('PATCH', '/api/admin/facilities/yl-xinhua-hours', as.street, { functions: ['culture'] })).statusCode).toBe(200)
    expect((await publicDetail('yl-xinhua-hours')).functionHours).toEqual([])
  })

  it('lets the district rename an operator, shown on its facilities; a street office may not', async () => {
    const refused = await call('PATCH', '/api/admin/operators/yl-hongqi-operator', as.street, { name: '别的名字' })
    expect(refused.statusCode).toBe(403)
    const bad = await call('PATCH', '/api/admin/operators/yl-hongqi-operator', as.district, { licenceNo: '123' })
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad.body).field).toBe('licenceNo')
    const renamed = await call('PATCH', '/api/admin/operators/yl-hongqi-operator', as.district, {
      name: '阎良区红旗养老服务有限公司',
      licenceNo: '91610114MA6U000001',
    })
    expect(renamed.statusCode).toBe(200)
    expect((await publicDetail('yl-hongqi')).operator?.name).toBe('阎良区红旗养老服务有限公司')
  })

  it('closes booking at a facility whose function the district removed', async () => {
    const detail = await publicDetail('yl-jiayuan')
    const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan' })
    const member = await addMember(t.app, as.resident)
    const edit = await call('PATCH', '/api/admin/facilities/yl-jiayuan', as.district, { functions: detail.functions.filter((f) => f !== 'meal') })
    expect(edit.statusCode).toBe(200)
    const refused = await postBooking(t.app, as.resident, mealOrder(lunch, { memberId: member.id }))
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body).code).toBe('closed')
    expect(await t.store.db.kysely.selectFrom('bookings').select('id').where('session_id', '=', lunch.id).execute()).toEqual([])
  })
})
