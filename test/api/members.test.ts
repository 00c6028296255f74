import { CHILD_CONSENT, MEMBER_CONSENT, bookingSchema, errorBodySchema, familyMemberSchema, memberListSchema } from '@shared/index'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { addMember, book, mealOrder, mealSession } from '../support/bookings'
import { DATABASES } from '../support/databases'

describe.each(DATABASES)('family members on %s', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(database)
  })
  afterAll(() => t.close())

  const valid = {
    name: '王秀英',
    relation: '母亲',
    birthDate: '1944-03-02',
    mobilityNeed: true,
    dietNotes: '糖尿病，少糖',
    districtId: 'xa-yanliang',
    consentVersion: MEMBER_CONSENT.version,
  }
  const create = (headers: { authorization: string }, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/me/members', headers, payload })

  it('adds a member with the consent recorded, and lists it for its owner only', async () => {
    const owner = await devLogin(t.app, 'member-owner')
    const res = await create(owner, valid)
    expect(res.statusCode).toBe(201)
    const member = familyMemberSchema.parse(res.json())
    expect(member).toMatchObject({ name: '王秀英', birthDate: '1944-03-02', mobilityNeed: true, subsidyVerified: false })
    const row = await t.store.db.kysely.selectFrom('family_members').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow()
    expect(row.consent_version).toBe(MEMBER_CONSENT.version)
    expect(row.consent_at).not.toBeNull()

    const list = memberListSchema.parse((await t.app.inject({ url: '/api/me/members', headers: owner })).json())
    expect(list.members.map((m) => m.id)).toEqual([member.id])
    const other = await devLogin(t.app, 'member-other')
    expect(memberListSchema.parse((await t.app.inject({ url: '/api/me/members', headers: other })).json()).members).toEqual([])
  })

  it.each([
    ['without consent', { consentVersion: undefined }, 'consentVersion'],
    ['with an old consent version', { consentVersion: 'member-2020-01' }, 'consentVersion'],
    ['without a name', { name: '  ' }, 'name'],
    ['born on a day that does not exist', { birthDate: '1944-02-30' }, 'birthDate'],
    ['born in the future', { birthDate: '2099-01-01' }, 'birthDate'],
    ['with an unknown subsidy status', { subsidyCategory: 'vip' }, 'subsidyCategory'],
    ['with an id card number field', { idNumber: '610114194403020000' }, 'idNumber'],
  ])('refuses a member %s with 400 naming the field, and stores nothing', async (_label, change, field) => {
    const owner = await devLogin(t.app, `member-bad-${field}`)
    const res = await create(owner, { ...valid, ...change })
    expect(res.statusCode).toBe(400)
    expect(errorBodySchema.parse(res.json()).error.field).toBe(field)
    expect(memberListSchema.parse((await t.app.inject({ url: '/api/me/members', headers: owner })).json()).members).toEqual([])
  })

  it('corrects a member; a changed 低保 declaration needs verifying again', async () => {
    const owner = await devLogin(t.app, 'member-edit')
    const member = await addMember(t.app, owner, { subsidyCategory: 'dibao' })
    await t.store.db.kysely.updateTable('family_members').set({ subsidy_verified_at: t.clock.now().toISOString() }).where('id', '=', member.id).execute()
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/me/members/${member.id}`, headers: owner, payload: { name: '王秀兰' } })
    expect(renamed.json()).toMatchObject({ name: '王秀兰', subsidyVerified: true })
    const recategorised = await t.app.inject({ method: 'PATCH', url: `/api/me/members/${member.id}`, headers: owner, payload: { subsidyCategory: 'tekun' } })
    expect(recategorised.json()).toMatchObject({ subsidyCategory: 'tekun', subsidyVerified: false })
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/me/members/${member.id}`, headers: owner, payload: {} })
    expect(empty.statusCode).toBe(400)
  })

  it('deletes a member for good, but not while a booking is still to be served', async () => {
    const owner = await devLogin(t.app, 'member-delete')
    const member = await addMember(t.app, owner)
    const booking = await book(t.app, owner, mealOrder(await mealSession(t.app), { memberId: member.id }))
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/me/members/${member.id}`, headers: owner })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('member_has_bookings')

    await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: owner })
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/me/members/${member.id}`, headers: owner })
    expect(deleted.statusCode).toBe(204)
    // The cancelled booking stays in the list and still says it was for a family member, not for the booker.
    const kept = await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: owner })
    expect(kept.json()).toMatchObject({ member: null, beneficiaryName: '已删除的家庭成员' })
    const left = await t.store.db.kysely.selectFrom('family_members').select('id').where('id', '=', member.id).execute()
    expect(left).toEqual([])
  })

  describe('children (个人信息保护法 §28, §31)', () => {
    const child = {
      name: '李小雨',
      relation: '女儿',
      birthDate: '2025-03-10',
      gender: 'female',
      allergies: '花生',
      healthNotes: '无',
      consentVersion: MEMBER_CONSENT.version,
    }

    it('stores a child only with the guardian’s separate consent, recording its version and time', async () => {
      const guardian = await devLogin(t.app, 'child-guardian')
      const refused = await create(guardian, child)
      expect(refused.statusCode).toBe(400)
      expect(errorBodySchema.parse(refused.json()).error).toMatchObject({ field: 'childConsentVersion' })
      const rows = await t.store.db.kysely.selectFrom('family_members').select('id').where('name', '=', '李小雨').execute()
      expect(rows).toEqual([])

      const res = await create(guardian, { ...child, childConsentVersion: CHILD_CONSENT.version })
      expect(res.statusCode).toBe(201)
      const stored = familyMemberSchema.parse(res.json())
      expect(stored).toMatchObject({ isChild: true, gender: 'female', allergies: '花生' })
      expect(stored.childConsentAt).not.toBeNull()
      const row = await t.store.db.kysely.selectFrom('family_members').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow()
      expect(row.child_consent_version).toBe(CHILD_CONSENT.version)

      // The guardian corrects what was recorded.
      const corrected = await t.app.inject({ method: 'PATCH', url: `/api/me/members/${stored.id}`, headers: guardian, payload: { allergies: '花生、牛奶' } })
      expect(corrected.json()).toMatchObject({ allergies: '花生、牛奶' })
    })

    it('asks allergies and health notes only for children, and a correction cannot turn an adult into a child without consent', async () => {
      const owner = await devLogin(t.app, 'adult-allergies')
      const adult = await create(owner, { ...valid, allergies: '青霉素' })
      expect(adult.statusCode).toBe(400)
      expect(errorBodySchema.parse(adult.json()).error.field).toBe('allergies')
      const member = await addMember(t.app, owner)
      const patched = await t.app.inject({ method: 'PATCH', url: `/api/me/members/${member.id}`, headers: owner, payload: { birthDate: '2020-01-01' } })
      expect(patched.statusCode).toBe(400)
      expect(errorBodySchema.parse(patched.json()).error.field).toBe('childConsentVersion')
    })
  })

  it('deletes for good: past bookings keep only the counts, not the link or the delivery address', async () => {
    const owner = await devLogin(t.app, 'anonymise-owner')
    const mother = await addMember(t.app, owner, { birthDate: '1938-01-01', address: '红旗小区3号楼' })
    const lunch = await mealSession(t.app)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { ...owner, 'idempotency-key': 'anonymise-0001' },
      payload: { sessionId: lunch.id, memberId: mother.id, meal: { setId: lunch.sets[0].id, fulfilment: 'delivery', delivery: { address: '红旗小区3号楼', lat: 34.6545, lng: 109.2315 } } },
    })
    const booking = bookingSchema.parse(res.json())
    await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: owner })
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/members/${mother.id}`, headers: owner })).statusCode).toBe(204)

    const db = t.store.db.kysely
    const row = await db.selectFrom('bookings').selectAll().where('id', '=', booking.id).executeTakeFirstOrThrow()
    expect(row.member_id).toBeNull()
    expect(row).toMatchObject({ quantity: 1, facility_id: 'yl-hongqi', service_date: lunch.date })
    expect(row.details).not.toContain('红旗小区3号楼')
    expect(await db.selectFrom('idempotency_keys').select('key').where('key', '=', 'anonymise-0001').execute()).toEqual([])
    expect(await db.selectFrom('family_members').select('id').where('id', '=', mother.id).execute()).toEqual([])
  })
})
