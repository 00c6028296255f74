import { bookingSchema, deskBookingSchema, errorBodySchema, noticeListSchema, rosterSchema, staffFacilityListSchema } from '@shared/index'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays, shanghaiDate, shanghaiInstant } from '../../server/time/shanghai'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { addMember, book, mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

type Headers = { authorization: string }

describe.each(DATABASES)('the staff workspace on %s', (database) => {
  let t: TestApp
  let resident: Headers
  let hongqiStaff: Headers
  let jiayuanStaff: Headers
  let streetStaff: Headers
  let selfStyled: Headers
  const HONGQI = 'yl-hongqi'

  beforeAll(async () => {
    t = await createTestApp(database)
    const staff = async (openid: string, scopeKind: 'operator' | 'street', scopeId: string) => {
      const headers = await devLogin(t.app, openid)
      await grantStaff(t.store.db.kysely, { user: `dev:${openid}`, scopeKind, scopeId, grantedBy: 'test' }, t.clock.now())
      return headers
    }
    resident = await devLogin(t.app, 'desk-resident')
    hongqiStaff = await staff('hongqi-desk', 'operator', 'yl-hongqi-operator')
    jiayuanStaff = await staff('jiayuan-desk', 'operator', 'yl-jiayuan-operator')
    streetStaff = await staff('xinhualu-clerk', 'street', 'yl-xinhualu')
    // A role claimed through the development login grants nothing without a binding.
    selfStyled = await devLogin(t.app, 'self-styled', 'operator_staff')
  })
  afterAll(() => t.close())

  const db = () => t.store.db.kysely
  const errorOf = (body: string) => errorBodySchema.parse(JSON.parse(body)).error
  const tomorrow = () => t.clock.today(1)

  describe('who may do what', () => {
    let code: string
    let bookingId: string
    let sessionId: string
    beforeAll(async () => {
      const lunch = await mealSession(t.app, { facilityId: HONGQI, date: t.clock.today(3) })
      const booking = await book(t.app, resident, mealOrder(lunch))
      code = booking.code
      bookingId = booking.id
      sessionId = lunch.id
    })

    const endpoints = () => [
      { name: 'roster', method: 'GET' as const, url: `/api/staff/facilities/${HONGQI}/roster?function=meal&date=${tomorrow()}`, oversee: true },
      { name: 'find by code', method: 'GET' as const, url: `/api/staff/facilities/${HONGQI}/bookings?code=${code}`, oversee: false },
      { name: 'capacity', method: 'PATCH' as const, url: `/api/staff/facilities/${HONGQI}/sessions/${sessionId}`, payload: { capacity: 45 }, oversee: false },
      { name: 'close a day', method: 'POST' as const, url: `/api/staff/facilities/${HONGQI}/close`, payload: { function: 'meal', date: '2030-01-01', reason: '测试停业' }, oversee: false },
      { name: 'lift a suspension', method: 'POST' as const, url: `/api/staff/facilities/${HONGQI}/suspensions/s-none/lift`, oversee: false, missing: 404 },
      // (Nothing to undo, a day not closed: the staff member is let in, then told.)
      { name: 'undo at the desk', method: 'POST' as const, url: `/api/staff/facilities/${HONGQI}/bookings/${bookingId}/undo`, payload: {}, oversee: false, missing: 409 },
      { name: 'reopen a day', method: 'POST' as const, url: `/api/staff/facilities/${HONGQI}/reopen`, payload: { function: 'meal', date: '2030-01-02' }, oversee: false, missing: 409 },
    ]

    it.each([
      ['a resident', () => resident, () => 403, () => 403],
      ['a self-styled operator_staff without a binding', () => selfStyled, () => 403, () => 403],
      ['staff of another facility', () => jiayuanStaff, () => 403, () => 403],
      ['the street office', () => streetStaff, () => 200, () => 403],
      ['the facility’s own staff', () => hongqiStaff, () => 200, () => 200],
    ])('answers %s as the matrix says', async (_who, headers, overseeStatus, operateStatus) => {
      for (const e of endpoints()) {
        const res = await t.app.inject({ method: e.method, url: e.url, headers: headers(), payload: e.payload })
        const expected = e.oversee ? overseeStatus() : operateStatus()
        expect({ endpoint: e.name, status: res.statusCode }).toEqual({
          endpoint: e.name,
          status: expected === 200 && e.missing ? e.missing : expected,
        })
      }
      // Acting on the booking follows the same rule.
      const act = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${bookingId}/complete`, headers: headers() })
      expect(act.statusCode).toBe(operateStatus() === 200 ? 409 : operateStatus()) // booked → completed is not a move
    })

    it('lists each staff member’s own facilities', async () => {
      const mine = staffFacilityListSchema.parse((await t.app.inject({ url: '/api/staff/facilities', headers: hongqiStaff })).json())
      expect(mine.facilities).toEqual([expect.objectContaining({ id: HONGQI, access: 'operate' })])
      const street = staffFacilityListSchema.parse((await t.app.inject({ url: '/api/staff/facilities', headers: streetStaff })).json())
      expect(street.facilities.map((f) => f.id).sort()).toEqual(['yl-hongqi', 'yl-lingyun', 'yl-renmin-donglu'])
      expect(street.facilities.every((f) => f.access === 'oversee')).toBe(true)
      expect((await t.app.inject({ url: '/api/staff/facilities', headers: resident })).statusCode).toBe(403)
    })
  })

  describe('the roster', () => {
    it('counts portions per set and fulfilment and lists who to serve, with diet notes', async () => {
      const family = await devLogin(t.app, 'roster-family')
      const mother = await addMember(t.app, family, { birthDate: '1940-05-01', dietNotes: '糖尿病，少糖' })
      const lunch = await mealSession(t.app, { facilityId: HONGQI })
      // One lunch per person: two for the family's own table, and the mother's delivered.
      await book(t.app, family, mealOrder(lunch, { quantity: 2 }))
      await book(t.app, family, {
        sessionId: lunch.id,
        memberId: mother.id,
        meal: { setId: lunch.sets[0].id, fulfilment: 'delivery', delivery: { address: '红旗小区3号楼', lat: 34.6545, lng: 109.2315 } },
      })
      const res = await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/roster?function=meal&date=${lunch.date}`, headers: hongqiStaff })
      const roster = rosterSchema.parse(res.json())
      const session = roster.sessions.find((s) => s.id === lunch.id)!
      expect(session.counts).toEqual(
        expect.arrayContaining([
          { setName: lunch.sets[0].name, fulfilment: 'dine_in', portions: 2 },
          { setName: lunch.sets[0].name, fulfilment: 'delivery', portions: 1 },
        ]),
      )
      const delivery = session.entries.find((e) => e.fulfilment === 'delivery')!
      expect(delivery).toMatchObject({ beneficiaryName: '王秀英', deliveryAddress: '红旗小区3号楼', dietNotes: '糖尿病，少糖' })
      expect(delivery.age).toBeGreaterThanOrEqual(86)
      expect(res.body).not.toMatch(/openid|phone|token/)
    })
  })

  describe('the desk', () => {
    afterEach(() => t.clock.reset())

    it('finds a booking by its code, checks it in with payment on the day, then completes it', async () => {
      const lunch = await mealSession(t.app, { facilityId: HONGQI })
      const booking = await book(t.app, resident, mealOrder(lunch))
      t.clock.set(shanghaiInstant(lunch.date, '11:40'))
      const found = await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/bookings?code=${booking.code}`, headers: hongqiStaff })
      expect(deskBookingSchema.parse(found.json()).entry).toMatchObject({ id: booking.id, status: 'booked', setName: lunch.sets[0].name })

      const act = (action: string) =>
        t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${booking.id}/${action}`, headers: hongqiStaff })
      expect(deskBookingSchema.parse((await act('check-in')).json()).entry.status).toBe('checked_in')
      const row = await db().selectFrom('bookings').select(['paid_fen', 'payable_fen']).where('id', '=', booking.id).executeTakeFirstOrThrow()
      expect(row.paid_fen).toBe(row.payable_fen)
      expect((await act('check-in')).statusCode).toBe(409)
      t.clock.advance(50 * 60_000) // after the meal
      expect(deskBookingSchema.parse((await act('complete')).json()).entry.status).toBe('completed')
      const noShow = await act('no-show')
      expect(noShow.statusCode).toBe(409)
      expect(errorOf(noShow.body).code).toBe('invalid_transition')

      const seen = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: resident })).json())
      expect(seen.history.map((h) => h.status)).toEqual(['booked', 'checked_in', 'completed'])
    })

    it('refuses a code of another facility as not found here', async () => {
      const lunch = await mealSession(t.app, { facilityId: HONGQI, date: addDays(shanghaiDate(t.app.now()), 2) })
      const booking = await book(t.app, resident, mealOrder(lunch))
      const elsewhere = await t.app.inject({ url: `/api/staff/facilities/yl-jiayuan/bookings?code=${booking.code}`, headers: jiayuanStaff })
      expect(elsewhere.statusCode).toBe(404)
      const act = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/yl-jiayuan/bookings/${booking.id}/check-in`, headers: jiayuanStaff })
      expect(act.statusCode).toBe(404)
      const bad = await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/bookings?code=12ab`, headers: hongqiStaff })
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad.body).field).toBe('code')
    })
  })

  describe('the no-show policy', () => {
    afterEach(() => t.clock.reset())

    it('suspends meal booking after 3 no-shows in 30 days, tells the resident until when, and staff can lift it', async () => {
      const family = await devLogin(t.app, 'no-show-family')
      const father = await addMember(t.app, family, { name: '赵建国', relation: '父亲', birthDate: '1948-01-01' })
      const lunches = []
      for (const days of [1, 2, 3]) {
        const lunch = await mealSession(t.app, { facilityId: HONGQI, date: t.clock.today(days) })
        lunches.push({ lunch, booking: await book(t.app, family, mealOrder(lunch, { memberId: father.id })) })
      }
      // Each marked after the meal, on its day.
      for (const { lunch, booking } of lunches) {
        t.clock.set(shanghaiInstant(lunch.date, '13:30'))
        const res = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${booking.id}/no-show`, headers: hongqiStaff })
        expect(res.statusCode).toBe(200)
      }
      const next = await postBooking(t.app, family, mealOrder(await mealSession(t.app, { facilityId: 'yl-jiayuan' }), { memberId: father.id }))
      expect(next.statusCode).toBe(409)
      expect(errorOf(next.body).code).toBe('suspended')
      expect(errorOf(next.body).message).toMatch(/30 天内 3 次预约未到场.*月.*日 .*前暂停预约/)

      // Others in the family are not affected.
      const mother = await addMember(t.app, family, { birthDate: '1950-01-01' })
      expect((await postBooking(t.app, family, mealOrder(await mealSession(t.app, { facilityId: HONGQI }), { memberId: mother.id }))).statusCode).toBe(201)

      const listed = await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/suspensions`, headers: hongqiStaff })
      expect(listed.json().suspensions).toEqual([expect.objectContaining({ name: '赵建国', functionCode: 'meal', reason: '30 天内 3 次预约未到场' })])
      expect((await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/suspensions`, headers: streetStaff })).statusCode).toBe(403)
      const suspension = listed.json().suspensions[0]
      // Staff of a facility this person never booked cannot lift it.
      const elsewhere = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/yl-jiayuan/suspensions/${suspension.id}/lift`, headers: jiayuanStaff })
      expect(elsewhere.statusCode).toBe(404)
      const lift = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/suspensions/${suspension.id}/lift`, headers: hongqiStaff })
      expect(lift.statusCode).toBe(200)
      const told = noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: family })).json()).notices.map((n) => n.kind)
      expect(told).toEqual(expect.arrayContaining(['booking_suspended', 'suspension_lifted']))
      // A day he has no lunch yet (a no-show still holds its day).
      const later = await mealSession(t.app, { facilityId: HONGQI, date: addDays(shanghaiDate(t.app.now()), 4) })
      expect((await postBooking(t.app, family, mealOrder(later, { memberId: father.id }))).statusCode).toBe(201)
    })
  })

  describe('capacity and closing a day', () => {
    it('refuses to cut capacity below what is booked, with the numbers', async () => {
      const dinner = await mealSession(t.app, { facilityId: HONGQI, part: 'dinner' })
      await db().updateTable('sessions').set({ booked: 12 }).where('id', '=', dinner.id).execute()
      const url = `/api/staff/facilities/${HONGQI}/sessions/${dinner.id}`
      const tooLow = await t.app.inject({ method: 'PATCH', url, headers: hongqiStaff, payload: { capacity: 11 } })
      expect(tooLow.statusCode).toBe(409)
      expect(errorOf(tooLow.body)).toMatchObject({ code: 'capacity_below_booked' })
      expect(errorOf(tooLow.body).message).toContain('已有 12 份预约')
      const ok = await t.app.inject({ method: 'PATCH', url, headers: hongqiStaff, payload: { capacity: 12 } })
      expect(ok.json()).toEqual({ capacity: 12, booked: 12 })
      const negative = await t.app.inject({ method: 'PATCH', url, headers: hongqiStaff, payload: { capacity: -1 } })
      expect(negative.statusCode).toBe(400)
    })

    it('closes a day: its bookings are cancelled with the reason the resident sees, and nothing more can be booked', async () => {
      const day = t.clock.today(5)
      const lunch = await mealSession(t.app, { facilityId: HONGQI, date: day })
      const family = await devLogin(t.app, 'closed-day-family')
      const booking = await book(t.app, family, mealOrder(lunch))
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/facilities/${HONGQI}/close`,
        headers: hongqiStaff,
        payload: { function: 'meal', date: day, reason: '厨房设备检修' },
      })
      expect(res.json()).toEqual({ closedSessions: 2, cancelledBookings: 1, refunds: 0, alreadyStarted: [] })
      const seen = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: family })).json())
      expect(seen.status).toBe('cancelled')
      expect(seen.history.at(-1)?.reason).toBe('设施停业：厨房设备检修')
      const again = await postBooking(t.app, family, mealOrder(lunch))
      expect(again.statusCode).toBe(409)
      expect(errorOf(again.body).code).toBe('closed')
      const session = await db().selectFrom('sessions').select(['booked', 'open', 'closed_reason']).where('id', '=', lunch.id).executeTakeFirstOrThrow()
      expect(session).toEqual({ booked: 0, open: 0, closed_reason: '厨房设备检修' })
    })
  })

  describe('booking for residents without a smartphone', () => {
    it('keeps a walk-in resident and books lunch for them with the same rules and subsidy, recording who booked', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: `/api/staff/facilities/${HONGQI}/walk-ins`,
        headers: hongqiStaff,
        payload: { name: '孙桂兰', relation: '本人', birthDate: '1941-02-03', districtId: 'xa-yanliang', consentVersion: 'member-2026-11' },
      })
      expect(created.statusCode).toBe(201)
      const walkIn = created.json()
      const lunch = await mealSession(t.app, { facilityId: HONGQI })
      const url = `/api/staff/facilities/${HONGQI}/walk-in-bookings`
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...hongqiStaff, 'idempotency-key': 'desk-phone-call-1' },
        payload: mealOrder(lunch, { memberId: walkIn.id }),
      })
      expect(res.statusCode).toBe(201)
      const booking = bookingSchema.parse(res.json())
      expect(booking.quote).toMatchObject({ subsidyFen: 900, tier: '80 周岁及以上老人' })
      const [event] = await db().selectFrom('booking_events').select('actor_user_id').where('booking_id', '=', booking.id).execute()
      const staffId = (await t.app.inject({ url: '/api/me', headers: hongqiStaff })).json().user.id
      expect(event.actor_user_id).toBe(staffId)

      const roster = rosterSchema.parse(
        (await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/roster?function=meal&date=${lunch.date}`, headers: hongqiStaff })).json(),
      )
      expect(roster.sessions.flatMap((s) => s.entries).some((e) => e.beneficiaryName === '孙桂兰')).toBe(true)

      const list = await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/walk-ins`, headers: hongqiStaff })
      expect(list.json().members.map((m: { name: string }) => m.name)).toContain('孙桂兰')
      expect((await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/walk-ins`, headers: jiayuanStaff })).statusCode).toBe(403)
      const other = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...jiayuanStaff, 'idempotency-key': 'desk-phone-call-2' },
        payload: mealOrder(lunch, { memberId: walkIn.id }),
      })
      expect(other.statusCode).toBe(403)
      const wrongFacility = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...hongqiStaff, 'idempotency-key': 'desk-phone-call-3' },
        payload: mealOrder(await mealSession(t.app, { facilityId: 'yl-jiayuan' }), { memberId: walkIn.id }),
      })
      expect(wrongFacility.statusCode).toBe(404)
    })

    it('verifies a declared 低保 status at the desk, and the next order gets its subsidy', async () => {
      const family = await devLogin(t.app, 'dibao-family')
      const father = await addMember(t.app, family, { birthDate: '1955-06-01', subsidyCategory: 'dibao' })
      const first = await book(t.app, family, mealOrder(await mealSession(t.app, { facilityId: HONGQI }), { memberId: father.id }))
      expect(first.quote).toMatchObject({ subsidyFen: 700 })
      expect(first.quote.notes.join()).toContain('低保补贴待工作人员核实后生效')

      const verify = (headers: Headers) =>
        t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${first.id}/verify-subsidy`, headers })
      expect((await verify(jiayuanStaff)).statusCode).toBe(403)
      expect((await verify(hongqiStaff)).statusCode).toBe(200)
      // The 11 元 subsidy is capped at the meal's price: order a 12 元 set (every day's menu has one).
      const lunch = await mealSession(t.app, { facilityId: HONGQI, date: t.clock.today(2) })
      const twelve = lunch.sets.find((set) => set.priceFen === 1200)!
      const next = await book(t.app, family, mealOrder(lunch, { memberId: father.id, meal: { setId: twelve.id, fulfilment: 'dine_in' } }))
      expect(next.quote).toMatchObject({ subsidyFen: 1100, tier: '低保老人' })
    })
  })

  describe('the weekly meal plan', () => {
    const entry = {
      starts: '07:00',
      ends: '08:30',
      capacity: 25,
      sets: [{ name: '小米粥鸡蛋套餐', dishes: ['小米粥', '煮鸡蛋', '花卷'], tags: ['低盐'], priceFen: 500 }],
    }

    it('adds breakfast on Mondays to the plan and publishes coming Mondays, never touching a published day', async () => {
      const url = `/api/staff/facilities/${HONGQI}/meal-template`
      expect((await t.app.inject({ method: 'PUT', url: `${url}/0/breakfast`, headers: streetStaff, payload: entry })).statusCode).toBe(403)
      const saved = await t.app.inject({ method: 'PUT', url: `${url}/0/breakfast`, headers: hongqiStaff, payload: entry })
      expect(saved.statusCode).toBe(200)
      expect(saved.json().entries).toContainEqual({ weekday: 0, part: 'breakfast', ...entry })

      const today = t.clock.today()
      const to = addDays(today, 13)
      const publish = () => t.app.inject({ method: 'POST', url: `${url}/publish`, headers: hongqiStaff, payload: { from: today, to } })
      const first = await publish()
      expect(first.statusCode).toBe(200)
      // Two Mondays in any 14 days get a breakfast, plus the lunches and dinners of the days beyond the seeded week.
      const breakfasts = await db().selectFrom('sessions').select(['date', 'capacity']).where('facility_id', '=', HONGQI).where('part', '=', 'breakfast').execute()
      expect(breakfasts).toHaveLength(2)
      expect(breakfasts.every((b) => new Date(`${b.date}T00:00:00Z`).getUTCDay() === 1 && b.capacity === 25)).toBe(true)
      expect(first.json().created).toBe(2 + 6 * 2)
      expect((await publish()).json()).toEqual({ created: 0 })

      // A changed plan does not rewrite a published day.
      await t.app.inject({ method: 'PUT', url: `${url}/0/breakfast`, headers: hongqiStaff, payload: { ...entry, capacity: 5 } })
      await publish()
      const after = await db().selectFrom('sessions').select('capacity').where('facility_id', '=', HONGQI).where('part', '=', 'breakfast').execute()
      expect(after.every((b) => b.capacity === 25)).toBe(true)
    })

    it.each([
      ['an end before the start', { ...entry, ends: '06:00' }, 400],
      ['no sets', { ...entry, sets: [] }, 400],
      ['a price in yuan with decimals', { ...entry, sets: [{ ...entry.sets[0], priceFen: 5.5 }] }, 400],
      ['a time that is not a time', { ...entry, starts: '25:00' }, 400],
    ])('refuses %s', async (_label, payload, status) => {
      const res = await t.app.inject({ method: 'PUT', url: `/api/staff/facilities/${HONGQI}/meal-template/1/breakfast`, headers: hongqiStaff, payload })
      expect(res.statusCode).toBe(status)
    })
  })
})
