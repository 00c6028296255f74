import { type TestApp, createTestApp, devLogin } from '../support/app'
import { addMember, mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

// 9:59, the last lunches: many residents tap 预约 at once. The database alone decides who gets them.
describe.each(DATABASES)('racing for the last portions on %s', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(database)
  })
  afterAll(() => t.close())

  const db = () => t.store.db.kysely
  const booked = async (sessionId: string) =>
    (await db().selectFrom('sessions').select(['booked', 'capacity']).where('id', '=', sessionId).executeTakeFirstOrThrow())

  it('lets exactly as many of 300 concurrent orders succeed as portions remain; the rest get 409', async () => {
    const lunch = await mealSession(t.app, { facilityId: 'yl-hangkong-erlu' })
    const REMAINING = 5
    await db().updateTable('sessions').set({ booked: lunch.capacity - REMAINING }).where('id', '=', lunch.id).execute()
    const residents = await Promise.all(Array.from({ length: 30 }, (_, i) => devLogin(t.app, `racer-${i}`)))

    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => postBooking(t.app, residents[i % residents.length], mealOrder(lunch))),
    )
    const statuses = responses.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(REMAINING)
    expect(statuses.filter((s) => s === 409)).toHaveLength(300 - REMAINING)
    // Full, or — for a resident whose earlier tap won — the lunch they already have.
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(['full', 'already_booked']).toContain(refused.json().error.code)
    }

    const session = await booked(lunch.id)
    expect(session.booked).toBe(session.capacity)
    const rows = await db().selectFrom('bookings').select(['quantity']).where('session_id', '=', lunch.id).execute()
    expect(rows.reduce((sum, r) => sum + r.quantity, 0)).toBe(REMAINING)
  })

  it('never splits a multi-portion order: 3-portion orders racing for 7 portions → two succeed, 1 portion stays', async () => {
    const dinner = await mealSession(t.app, { facilityId: 'yl-hangkong-erlu', part: 'dinner' })
    await db().updateTable('sessions').set({ booked: dinner.capacity - 7 }).where('id', '=', dinner.id).execute()
    const families = await Promise.all(Array.from({ length: 40 }, (_, i) => devLogin(t.app, `family-of-three-${i}`)))
    const responses = await Promise.all(families.map((family) => postBooking(t.app, family, mealOrder(dinner, { quantity: 3 }))))
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(2)
    const last = responses.filter((r) => r.statusCode === 409).map((r) => r.json().error)
    expect(last.every((e) => e.code === 'full')).toBe(true)
    expect((await booked(dinner.id)).booked).toBe(dinner.capacity - 1)
  })

  it('books once when the same Idempotency-Key races itself 50 times', async () => {
    const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan' })
    const resident = await devLogin(t.app, 'double-tapper')
    const before = (await booked(lunch.id)).booked
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => postBooking(t.app, resident, mealOrder(lunch), 'one-tap-at-0959')),
    )
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([201]))
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    expect((await booked(lunch.id)).booked).toBe(before + 1)
    const rows = await db().selectFrom('bookings').select('id').where('booker_user_id', '=', await userIdOf(resident)).execute()
    expect(rows).toHaveLength(1)
  })

  it('gives one subsidy a day even when two orders for the same person race', async () => {
    const resident = await devLogin(t.app, 'two-phones')
    const mother = await addMember(t.app, resident, { birthDate: '1945-06-01' })
    const lunch = await mealSession(t.app, { facilityId: 'yl-renmin-donglu' })
    const dinner = await mealSession(t.app, { facilityId: 'yl-renmin-donglu', part: 'dinner' })
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postBooking(t.app, resident, mealOrder(i % 2 ? dinner : lunch, { memberId: mother.id })),
      ),
    )
    // Each order is either booked (subsidised or at full price) or refused with the new price to confirm.
    for (const r of responses) expect([201, 409]).toContain(r.statusCode)
    const subsidised = responses.filter((r) => r.statusCode === 201 && r.json().quote.subsidyFen > 0)
    expect(subsidised).toHaveLength(1)
    const claims = await db().selectFrom('meal_subsidy_claims').selectAll().where('beneficiary', '=', `member:${mother.id}`).execute()
    expect(claims).toHaveLength(1)
  })

  async function userIdOf(headers: { authorization: string }): Promise<string> {
    return (await t.app.inject({ url: '/api/me', headers })).json().user.id
  }
})
