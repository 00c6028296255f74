import { CARE_AGREEMENT, CHILD_CONSENT, type Session, bookingSchema, sessionListSchema } from '@shared/index'
import type { FunctionCode } from '@shared/functions'
import { sql } from 'kysely'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, book, mealOrder, mealSession, postBooking } from '../support/bookings'
import { bornMonthsBefore } from '../support/calendar'
import { DATABASES } from '../support/databases'

const NURSERY = 'yl-hangkong-erlu'
const CENTRE = 'yl-hongqi'
const HOME = 'yl-jiayuan'
const care = { serviceAgreementVersion: CARE_AGREEMENT.version, healthCheckDeclared: true }
const dayName = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
type Headers = { authorization: string }

// 一人一位: a person holds one place of a service at a time, whichever facility, type, key or phone asks; and one
// account cannot take more of a session than the district allows.
describe.each(DATABASES)('one person, one place on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const today = () => shanghaiDate(t.app.now())
  const booked = async (sessionId: string) =>
    (await db().selectFrom('sessions').select('booked').where('id', '=', sessionId).executeTakeFirstOrThrow()).booked
  const cancel = (headers: Headers, id: string) => t.app.inject({ method: 'POST', url: `/api/bookings/${id}/cancel`, headers })
  const quote = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/bookings/quote', headers, payload })

  /** The first bookable session of a service two or more days ahead (care cut-offs are the evening before). */
  async function firstBookable(facilityId: string, fn: FunctionCode, part: string): Promise<Session> {
    const res = await t.app.inject({ url: `/api/facilities/${facilityId}/sessions?function=${fn}` })
    const found = sessionListSchema
      .parse(res.json())
      .sessions.find((s) => s.part === part && s.bookable && s.date >= addDays(today(), 2))
    if (!found) throw new Error(`no bookable ${fn} ${part} at ${facilityId}: ${res.body}`)
    return found
  }
  const child = async (openid: string, day: string, name = '李小雨') => {
    const headers = await devLogin(t.app, openid)
    const kid = await addMember(t.app, headers, { name, relation: '女儿', birthDate: bornMonthsBefore(day, 18), childConsentVersion: CHILD_CONSENT.version })
    return { headers, kid }
  }
  const elder = async (openid: string, name = '孙德明') => {
    const headers = await devLogin(t.app, openid)
    const father = await addMember(t.app, headers, { name, relation: '父亲', birthDate: '1941-04-12' })
    return { headers, father }
  }

  describe('one live booking per person for overlapping places', () => {
    it('books 「本人」 for the registered self, so she cannot hold the same lunch twice through 本人（未登记）', async () => {
      const headers = await devLogin(t.app, 'one-place-self')
      const self = await addMember(t.app, headers, { name: '张桂兰', relation: '本人', birthDate: '1944-03-02' })
      const lunch = await mealSession(t.app, { date: addDays(today(), 2) })
      const forMyself = await book(t.app, headers, mealOrder(lunch))
      expect(forMyself).toMatchObject({ member: { id: self.id, name: '张桂兰' }, beneficiaryName: '张桂兰' })
      // Her registered age gives the subsidy, as when she is chosen by name.
      expect(forMyself.quote.subsidyFen).toBeGreaterThan(0)
      const again = await postBooking(t.app, headers, mealOrder(lunch, { memberId: self.id }))
      expect(again.statusCode).toBe(409)
      expect(errorOf(again.body)).toMatchObject({ code: 'already_booked', bookingId: forMyself.id })
    })

    it('refuses registering the same person twice in one family', async () => {
      const headers = await devLogin(t.app, 'one-place-twice')
      await addMember(t.app, headers, { name: '王秀英', relation: '配偶', birthDate: '1946-03-02' })
      const twice = await t.app.inject({
        method: 'POST',
        url: '/api/me/members',
        headers,
        payload: { name: '王秀英', relation: '母亲', birthDate: '1946-03-02', consentVersion: 'member-2026-11' },
      })
      expect(twice.statusCode).toBe(409)
      expect(errorOf(twice.body)).toEqual({ code: 'already_registered', message: '王秀英（1946-03-02）已经登记过了，不需要再添加' })
      const rows = await db().selectFrom('family_members').select('id').where('name', '=', '王秀英').where('birth_date', '=', '1946-03-02').execute()
      expect(rows).toHaveLength(1)
    })

    it('refuses 半日托 for a child who has 全日托 that day, naming the booking they have; another child is welcome', async () => {
      const day = await firstBookable(NURSERY, 'infant_care', 'full_day')
      const { headers, kid } = await child('one-place-nursery', day.date)
      const full = bookingSchema.parse((await postBooking(t.app, headers, { sessionId: day.id, memberId: kid.id, care })).json())

      const half = { sessionId: day.id, memberId: kid.id, infant: { type: 'half_day', half: 'afternoon' } }
      const refused = await postBooking(t.app, headers, half)
      expect(refused.statusCode).toBe(409)
      expect(errorOf(refused.body)).toEqual({
        code: 'already_booked',
        message: `李小雨 已预约 ${dayName(day.date)} 全日托（航空二路社区），不能重复预约`,
        bookingId: full.id,
      })
      // The price is not even quoted: the resident reads why before tapping.
      const quoted = await quote(headers, half)
      expect(quoted.statusCode).toBe(409)
      expect(errorOf(quoted.body)).toMatchObject({ code: 'already_booked', bookingId: full.id })
      // A run of days through that day is refused as a whole.
      const week = await postBooking(t.app, headers, { sessionId: day.id, memberId: kid.id, throughDate: addDays(day.date, 2) })
      expect(errorOf(week.body)).toMatchObject({ code: 'already_booked', bookingId: full.id })

      const twin = await addMember(t.app, headers, { name: '李小雪', relation: '女儿', birthDate: bornMonthsBefore(day.date, 18), childConsentVersion: CHILD_CONSENT.version })
      expect((await postBooking(t.app, headers, { ...half, memberId: twin.id, care })).statusCode).toBe(201)
    })

    it('refuses 日间照料 twice on one day, and a run of days that includes it', async () => {
      const day = await firstBookable(CENTRE, 'elderly_care', 'full_day')
      const { headers, father } = await elder('one-place-day-care')
      const before = await booked(day.id)
      const first = await book(t.app, headers, { sessionId: day.id, memberId: father.id })
      const again = await postBooking(t.app, headers, { sessionId: day.id, memberId: father.id })
      expect(again.statusCode).toBe(409)
      expect(errorOf(again.body)).toEqual({
        code: 'already_booked',
        message: `孙德明 已预约 ${dayName(day.date)} 日间照料（红旗社区），不能重复预约`,
        bookingId: first.id,
      })
      expect(await booked(day.id)).toBe(before + 1)
    })

    it('holds the lunch booked with a day place too: a second lunch that day is refused, naming it', async () => {
      const day = await firstBookable(CENTRE, 'elderly_care', 'full_day')
      const { headers, father } = await elder('one-place-day-with-lunch', '吴国华')
      const lunch = await mealSession(t.app, { facilityId: CENTRE, date: day.date })
      await book(t.app, headers, { sessionId: day.id, memberId: father.id, lunch: { setId: lunch.sets[0].id } })
      const held = await db().selectFrom('bookings').select('id').where('member_id', '=', father.id).where('function_code', '=', 'meal').executeTakeFirstOrThrow()
      const again = await postBooking(t.app, headers, mealOrder(await mealSession(t.app, { facilityId: HOME, date: day.date }), { memberId: father.id }))
      expect(errorOf(again.body)).toEqual({
        code: 'already_booked',
        message: `吴国华 已预约 ${dayName(day.date)} 午餐（红旗社区），不能重复预约`,
        bookingId: held.id,
      })
    })

    it('refuses a second lunch the same day at another facility, but not that day’s dinner', async () => {
      const headers = await devLogin(t.app, 'one-place-lunches')
      const mother = await addMember(t.app, headers)
      const lunch = await mealSession(t.app, { facilityId: CENTRE })
      const first = await book(t.app, headers, mealOrder(lunch, { memberId: mother.id }))
      const elsewhere = await postBooking(t.app, headers, mealOrder(await mealSession(t.app, { facilityId: HOME }), { memberId: mother.id }))
      expect(elsewhere.statusCode).toBe(409)
      expect(errorOf(elsewhere.body)).toEqual({
        code: 'already_booked',
        message: `王秀英 已预约 ${dayName(lunch.date)} 午餐（红旗社区），不能重复预约`,
        bookingId: first.id,
      })
      const dinner = await postBooking(t.app, headers, mealOrder(await mealSession(t.app, { facilityId: HOME, part: 'dinner' }), { memberId: mother.id }))
      expect(dinner.statusCode).toBe(201)
    })

    it('answers a retry under the same key with the first booking, and the same order under a new key with 409', async () => {
      const headers = await devLogin(t.app, 'one-place-back-button')
      const lunch = await mealSession(t.app, { facilityId: CENTRE, date: addDays(today(), 2) })
      const before = await booked(lunch.id)
      const first = await postBooking(t.app, headers, mealOrder(lunch), 'tap-confirm-1')
      expect(first.statusCode).toBe(201)
      const retry = await postBooking(t.app, headers, mealOrder(lunch), 'tap-confirm-1')
      expect(retry.json().id).toBe(first.json().id)
      // Back from 预约成功, 确认预约 again: a new attempt, a new key.
      const again = await postBooking(t.app, headers, mealOrder(lunch), 'tap-confirm-2')
      expect(again.statusCode).toBe(409)
      expect(errorOf(again.body)).toEqual({
        code: 'already_booked',
        message: `您已预约 ${dayName(lunch.date)} 午餐（红旗社区），不能重复预约`,
        bookingId: first.json().id,
      })
      expect(await booked(lunch.id)).toBe(before + 1)
    })

    it('frees the place when the booking is cancelled; a completed or no-show booking keeps it', async () => {
      const headers = await devLogin(t.app, 'one-place-cancel')
      const mother = await addMember(t.app, headers)
      const lunch = await mealSession(t.app, { facilityId: CENTRE, date: addDays(today(), 3) })
      const first = await book(t.app, headers, mealOrder(lunch, { memberId: mother.id }))
      expect((await cancel(headers, first.id)).statusCode).toBe(200)
      const second = await book(t.app, headers, mealOrder(lunch, { memberId: mother.id }))
      for (const status of ['completed', 'no_show'] as const) {
        await db().updateTable('bookings').set({ status }).where('id', '=', second.id).execute()
        const third = await postBooking(t.app, headers, mealOrder(lunch, { memberId: mother.id }))
        expect(errorOf(third.body)).toMatchObject({ code: 'already_booked', bookingId: second.id })
      }
      await db().updateTable('bookings').set({ status: 'booked' }).where('id', '=', second.id).execute()
    })

    it('refuses to put a person in the queue for a place overlapping one they hold', async () => {
      const night = await firstBookable(HOME, 'elderly_care', 'night')
      const { headers, father } = await elder('one-place-queue', '周长林')
      const stay = await book(t.app, headers, { sessionId: night.id, memberId: father.id })
      await db().updateTable('sessions').set((eb) => ({ capacity: eb.ref('booked') })).where('id', '=', night.id).execute()
      const joined = await t.app.inject({ method: 'POST', url: '/api/waitlist', headers, payload: { sessionId: night.id, memberId: father.id } })
      expect(joined.statusCode).toBe(409)
      expect(errorOf(joined.body)).toMatchObject({ code: 'already_booked', bookingId: stay.id })
      expect(errorOf(joined.body).message).toContain('周长林 已预约')
    })
  })

  describe('races', () => {
    it('books one of 20 simultaneous taps for the same person; the rest are told which booking they have', async () => {
      const headers = await devLogin(t.app, 'one-place-taps')
      const mother = await addMember(t.app, headers)
      const lunch = await mealSession(t.app, { facilityId: 'yl-renmin-donglu' })
      const before = await booked(lunch.id)
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postBooking(t.app, headers, mealOrder(lunch, { memberId: mother.id }))),
      )
      const won = responses.filter((r) => r.statusCode === 201)
      expect(won).toHaveLength(1)
      for (const lost of responses.filter((r) => r.statusCode !== 201)) {
        expect(lost.statusCode).toBe(409)
        expect(errorOf(lost.body)).toMatchObject({ code: 'already_booked', bookingId: won[0].json().id })
      }
      expect(await booked(lunch.id)).toBe(before + 1)
      const claims = await db().selectFrom('place_claims').selectAll().where('beneficiary', '=', `member:${mother.id}`).execute()
      expect(claims).toEqual([{ beneficiary: `member:${mother.id}`, function_code: 'meal', service_date: lunch.date, slot: 'lunch', booking_id: won[0].json().id }])
    })

    it('books one place when two phones of one family book 全日托 and 半日托 for the same child at once', async () => {
      const day = await firstBookable(NURSERY, 'infant_care', 'full_day')
      const { headers: phoneA, kid } = await child('one-place-two-phones', day.date, '王小宝')
      const phoneB = await devLogin(t.app, 'one-place-two-phones')
      expect(phoneB.authorization).not.toBe(phoneA.authorization)
      const requests = Array.from({ length: 16 }, (_, i) =>
        postBooking(t.app, i % 2 ? phoneB : phoneA, {
          sessionId: day.id,
          memberId: kid.id,
          care,
          ...(i % 4 < 2 ? {} : { infant: { type: 'half_day', half: 'morning' } }),
        }),
      )
      const responses = await Promise.all(requests)
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1)
      const codes = new Set(responses.filter((r) => r.statusCode !== 201).map((r) => `${r.statusCode} ${errorOf(r.body).code}`))
      expect(codes).toEqual(new Set(['409 already_booked']))
      const live = await db().selectFrom('bookings').select('id').where('member_id', '=', kid.id).where('status', '!=', 'cancelled').execute()
      expect(live).toHaveLength(1)
    })
  })

  describe('the most one account may take of a session', () => {
    it('lets 8 simultaneous orders of 5 for 8 people of one account take only the account’s 10 lunches', async () => {
      const headers = await devLogin(t.app, 'one-place-emptier')
      const people = await Promise.all(Array.from({ length: 7 }, (_, i) => addMember(t.app, headers, { name: `家人${i + 1}` })))
      const lunch = await mealSession(t.app, { facilityId: 'yl-renmin-donglu', date: addDays(today(), 2) })
      const before = await booked(lunch.id)
      const orders = [undefined, ...people.map((p) => p.id)].map((memberId) => mealOrder(lunch, { quantity: 5, ...(memberId ? { memberId } : {}) }))
      const responses = await Promise.all(orders.map((order) => postBooking(t.app, headers, order)))

      const won = responses.filter((r) => r.statusCode === 201)
      expect(won).toHaveLength(2)
      for (const refused of responses.filter((r) => r.statusCode !== 201)) {
        expect(refused.statusCode).toBe(409)
        expect(errorOf(refused.body).code).toBe('account_limit')
        expect(errorOf(refused.body).message).toContain('每个账号每场最多预约 10 份')
      }
      expect(await booked(lunch.id)).toBe(before + 10)

      // Cancelling gives the account its share back: one more order of 5, and no more.
      const refusedOrders = orders.filter((_, i) => responses[i].statusCode !== 201)
      expect((await cancel(headers, won[0].json().id)).statusCode).toBe(200)
      expect((await postBooking(t.app, headers, refusedOrders[0])).statusCode).toBe(201)
      expect(errorOf((await postBooking(t.app, headers, refusedOrders[1])).body).code).toBe('account_limit')
    })

    it('lets a facility desk book lunch for 12 walk-in residents, each still once', async () => {
      const staff = await devLogin(t.app, 'one-place-desk')
      await grantStaff(db(), { user: 'dev:one-place-desk', scopeKind: 'operator', scopeId: `${CENTRE}-operator`, grantedBy: 'test' }, t.app.now())
      const lunch = await mealSession(t.app, { facilityId: CENTRE, date: addDays(today(), 4) })
      let calls = 0
      const deskBook = (memberId: string) =>
        t.app.inject({
          method: 'POST',
          url: `/api/staff/facilities/${CENTRE}/walk-in-bookings`,
          headers: { ...staff, 'idempotency-key': `desk-call-${++calls}` },
          payload: mealOrder(lunch, { memberId }),
        })
      const walkIns = []
      for (let i = 0; i < 12; i++) {
        const created = await t.app.inject({
          method: 'POST',
          url: `/api/staff/facilities/${CENTRE}/walk-ins`,
          headers: staff,
          payload: { name: `居民${i + 1}`, relation: '本人', birthDate: '1941-02-03', districtId: 'xa-yanliang', consentVersion: 'member-2026-11' },
        })
        expect(created.statusCode).toBe(201)
        walkIns.push(created.json().id as string)
      }
      for (const id of walkIns) expect((await deskBook(id)).statusCode).toBe(201)
      const twice = await deskBook(walkIns[0])
      expect(errorOf(twice.body)).toMatchObject({ code: 'already_booked', message: expect.stringContaining('居民1 已预约') })
    })
  })

  // Last: what every test above left behind must add up.
  it('keeps claims, account counts and booked places equal to what the live bookings hold', async () => {
    const sessionsOff = await sql<{ id: string; booked: number; held: number }>`
      select s.id, s.booked, coalesce(sum(case when b.status <> 'cancelled' then bs.units else 0 end), 0) as held
      from sessions s
      left join booking_sessions bs on bs.session_id = s.id
      left join bookings b on b.id = bs.booking_id
      group by s.id, s.booked
      having s.booked <> coalesce(sum(case when b.status <> 'cancelled' then bs.units else 0 end), 0)
    `.execute(db())
    expect(sessionsOff.rows).toEqual([])

    const claims = await db()
      .selectFrom('place_claims as c')
      .innerJoin('bookings as b', 'b.id', 'c.booking_id')
      .select(['b.status', 'c.booking_id'])
      .execute()
    expect(claims.filter((c) => c.status === 'cancelled')).toEqual([])
    const live = await db().selectFrom('bookings').select('id').where('status', '!=', 'cancelled').execute()
    expect(new Set(claims.map((c) => c.booking_id))).toEqual(new Set(live.map((b) => b.id)))

    const counted = await db()
      .selectFrom('account_session_units')
      .select(['user_id', 'session_id', 'units'])
      .where('units', '>', 0)
      .orderBy('user_id')
      .orderBy('session_id')
      .execute()
    const expected = await db()
      .selectFrom('booking_sessions as bs')
      .innerJoin('bookings as b', 'b.id', 'bs.booking_id')
      .innerJoin('users as u', 'u.id', 'b.booker_user_id')
      .select(['b.booker_user_id as user_id', 'bs.session_id', (eb) => eb.fn.sum<number>('bs.units').as('units')])
      .where('b.status', '!=', 'cancelled')
      .where('u.openid', 'not like', 'desk:%')
      .groupBy(['b.booker_user_id', 'bs.session_id'])
      .orderBy('b.booker_user_id')
      .orderBy('bs.session_id')
      .execute()
    expect(counted).toEqual(expected.map((e) => ({ ...e, units: Number(e.units) })))
    expect(counted.length).toBeGreaterThan(0)
  })
})
