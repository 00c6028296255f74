import { CHILD_CONSENT, accountExportSchema } from '@shared/index'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, book, mealSession } from '../support/bookings'
import { DATABASES } from '../support/databases'

// 个人信息保护法 §45 and §47: a resident takes a copy of everything held about the family, and deletes the account.
describe.each(DATABASES)('a resident’s rights over their data on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const home = { address: '红旗小区3号楼2单元', lat: 34.6545, lng: 109.2315 }

  const family = async (openid: string) => {
    const headers = await devLogin(t.app, openid)
    const mother = await addMember(t.app, headers, { birthDate: '1940-01-01' })
    const child = await addMember(t.app, headers, { name: '王小雨', relation: '女儿', birthDate: '2024-05-01', childConsentVersion: CHILD_CONSENT.version })
    const lunch = await mealSession(t.app)
    const booking = await book(t.app, headers, { sessionId: lunch.id, memberId: mother.id, meal: { setId: lunch.sets[0].id, fulfilment: 'delivery', delivery: home } })
    return { headers, mother, child, booking }
  }
  const exportOf = async (headers: object) => {
    const res = await t.app.inject({ url: '/api/me/export', headers: headers as Record<string, string> })
    expect(res.statusCode).toBe(200)
    return accountExportSchema.parse(res.json())
  }
  const deletion = (headers: object, payload: object = { confirm: true }) =>
    t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: headers as Record<string, string>, payload })

  it('exports the account, its members, bookings, messages and consents — and nothing of another family', async () => {
    const { headers, mother, child, booking } = await family('export-family')
    await family('export-neighbour')
    const data = await exportOf(headers)
    expect(data.members.map((m) => m.id).sort()).toEqual([mother.id, child.id].sort())
    expect(data.bookings.map((b) => b.id)).toEqual([booking.id])
    expect(data.bookings[0].meal?.deliveryAddress).toBe(home.address)
    expect(data.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: child.id, kind: 'child', version: CHILD_CONSENT.version }),
        expect.objectContaining({ memberId: mother.id, kind: 'personal' }),
      ]),
    )
    expect(data.notices.length).toBeGreaterThan(0)
    expect(data.exportedAt).toMatch(/\+08:00$/)
  })

  it('refuses to delete an account with a booking still to be served, saying why; deletes nothing', async () => {
    const { headers, mother } = await family('delete-too-early')
    const res = await deletion(headers)
    expect(res.statusCode).toBe(409)
    expect(errorOf(res.body)).toMatchObject({ code: 'account_has_bookings' })
    expect(errorOf(res.body).message).toContain('1 个未完成的预约')
    expect((await exportOf(headers)).members.map((m) => m.id)).toContain(mother.id)
  })

  it('deletes nothing without the confirmation in the request', async () => {
    const headers = await devLogin(t.app, 'delete-unconfirmed')
    const res = await deletion(headers, {})
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body)).toMatchObject({ field: 'confirm' })
    expect((await t.app.inject({ url: '/api/me', headers })).statusCode).toBe(200)
  })

  it('deletes the account: sign-ins, family and messages go; bookings stay counted without a trace of the person', async () => {
    const { headers, mother, child, booking } = await family('delete-me')
    const userId = (await exportOf(headers)).account.id
    const cancel = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers })
    expect(cancel.statusCode).toBe(200)
    expect((await deletion(headers)).statusCode).toBe(204)

    expect((await t.app.inject({ url: '/api/me', headers })).statusCode).toBe(401)
    const user = await db().selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
    expect(user.openid).not.toContain('delete-me')
    expect(user.nickname).toBeNull()
    expect(user.deleted_at).not.toBeNull()
    expect(await db().selectFrom('family_members').select('id').where('id', 'in', [mother.id, child.id]).execute()).toEqual([])
    expect(await db().selectFrom('notices').select('id').where('user_id', '=', userId).execute()).toEqual([])
    expect(await db().selectFrom('auth_sessions').select('id').where('user_id', '=', userId).execute()).toEqual([])
    const kept = await db().selectFrom('bookings').selectAll().where('id', '=', booking.id).executeTakeFirstOrThrow()
    expect(kept.member_id).toBeNull()
    expect(kept.details).not.toContain(home.address)

    // The same WeChat account signing in again starts afresh.
    const again = await devLogin(t.app, 'delete-me')
    const fresh = await exportOf(again)
    expect(fresh.account.id).not.toBe(userId)
    expect(fresh.members).toEqual([])
    expect(fresh.bookings).toEqual([])
  })
})
