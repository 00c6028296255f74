import { auditListSchema, staffListSchema } from '@shared/index'
import { grantStaff } from '../../server/staff/staff-grants'
import { type TestApp, createTestApp, devLogin, errorOf } from '../support/app'
import { DATABASES } from '../support/databases'

jest.setTimeout(30_000)

// District staff make a new clerk staff of a street office in the app, and take it back; the clerk's access follows
// at the next request.
describe.each(DATABASES)('工作人员授权 on %s', (database) => {
  let t: TestApp
  let district: { authorization: string }
  let street: { authorization: string }
  let clerk: { authorization: string }
  let clerkId: string
  let districtUserId: string
  beforeAll(async () => {
    t = await createTestApp(database)
    district = await devLogin(t.app, 'grants-district')
    await grantStaff(t.store.db.kysely, { user: 'dev:grants-district', scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, t.clock.now())
    street = await devLogin(t.app, 'grants-street')
    await grantStaff(t.store.db.kysely, { user: 'dev:grants-street', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, t.clock.now())
    clerk = await devLogin(t.app, 'grants-new-clerk')
    clerkId = (await t.app.inject({ url: '/api/me', headers: clerk })).json().user.id
    districtUserId = (await t.app.inject({ url: '/api/me', headers: district })).json().user.id
  })
  afterAll(() => t.close())

  const post = (url: string, headers: object, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: headers as Record<string, string>, payload })
  const evaluationStatus = async () => (await t.app.inject({ url: '/api/evaluation/coverage', headers: clerk })).statusCode

  it('grants a street binding by 账号编号: the clerk reads the street’s evaluation at once, and the grant is audited', async () => {
    expect(await evaluationStatus()).toBe(403)
    const res = await post('/api/admin/staff', district, { userId: clerkId, scopeKind: 'street', scopeId: 'yl-xinhualu' })
    expect(res.statusCode).toBe(200)
    const list = staffListSchema.parse(res.json())
    expect(list.staff).toContainEqual(expect.objectContaining({ userId: clerkId, scopeKind: 'street', scopeId: 'yl-xinhualu', scopeName: '新华路街道', grantedBy: districtUserId }))
    expect(await evaluationStatus()).toBe(200)
    const audit = auditListSchema.parse((await t.app.inject({ url: '/api/admin/audit', headers: district })).json())
    expect(audit.entries[0]).toMatchObject({ entity: 'staff', entityId: clerkId, action: 'grant', userId: districtUserId })
  })

  it('revokes it: refused at the next request, back to a resident', async () => {
    const res = await post('/api/admin/staff/revoke', district, { userId: clerkId, scopeKind: 'street', scopeId: 'yl-xinhualu' })
    expect(res.statusCode).toBe(200)
    expect(staffListSchema.parse(res.json()).staff.map((s) => s.userId)).not.toContain(clerkId)
    expect(await evaluationStatus()).toBe(403)
    expect((await t.app.inject({ url: '/api/me', headers: clerk })).json().user.role).toBe('resident')
    const again = await post('/api/admin/staff/revoke', district, { userId: clerkId, scopeKind: 'street', scopeId: 'yl-xinhualu' })
    expect(again.statusCode).toBe(404)
  })

  it('refuses a street office, an unknown account, a scope outside the district and revoking one’s own district access', async () => {
    const bindings = async () => Number((await t.store.db.kysely.selectFrom('staff_bindings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await bindings()
    expect((await post('/api/admin/staff', street, { userId: clerkId, scopeKind: 'street', scopeId: 'yl-xinhualu' })).statusCode).toBe(403)
    const unknown = await post('/api/admin/staff', district, { userId: 'nobody-at-all', scopeKind: 'street', scopeId: 'yl-xinhualu' })
    expect([unknown.statusCode, errorOf(unknown.body).field]).toEqual([400, 'userId'])
    expect(errorOf(unknown.body).message).toContain('请对方先登录一次')
    const elsewhere = await post('/api/admin/staff', district, { userId: clerkId, scopeKind: 'street', scopeId: 'bj-somewhere' })
    expect([elsewhere.statusCode, errorOf(elsewhere.body).field]).toEqual([400, 'scopeId'])
    const badKind = await post('/api/admin/staff', district, { userId: clerkId, scopeKind: 'city', scopeId: 'xa' })
    expect([badKind.statusCode, errorOf(badKind.body).field]).toEqual([400, 'scopeKind'])
    const self = await post('/api/admin/staff/revoke', district, { userId: districtUserId, scopeKind: 'district', scopeId: 'xa-yanliang' })
    expect(self.statusCode).toBe(409)
    expect(errorOf(self.body).message).toContain('不能撤销自己的区级权限')
    expect(await bindings()).toBe(before)
  })
})
