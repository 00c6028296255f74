import { bookingListSchema, bookingSchema, errorBodySchema, quoteSchema, sessionListSchema } from '@shared/index'
import { addDays, } from '../../server/time/shanghai'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { addMember, book, mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

describe.each(DATABASES)('meal bookings on %s', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(database)
  })
  afterAll(() => t.close())
  afterEach(() => t.clock.reset())

  const db = () => t.store.db.kysely
  const sessionRow = (id: string) => db().selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const errorOf = (body: string) => errorBodySchema.parse(JSON.parse(body)).error

  describe('sessions', () => {
    it('lists the coming week of meals with menus, what remains and the cut-off', async () => {
      const res = await t.app.inject({ url: '/api/facilities/yl-hongqi/sessions?function=meal' })
      expect(res.statusCode).toBe(200)
      const list = sessionListSchema.parse(res.json())
      const today = t.clock.today()
      expect(list.today).toBe(today)
      expect(list.lastBookableDate).toBe(addDays(today, 7))
      const lunch = list.sessions.find((s) => s.date === addDays(today, 1) && s.part === 'lunch')!
      expect(lunch).toMatchObject({ capacity: 40, remaining: 40, bookable: true, maxUnits: 5 })
      expect(lunch.startsAt).toBe(`${lunch.date}T11:30:00+08:00`)
      expect(lunch.cutoffAt).toBe(`${lunch.date}T09:30:00+08:00`)
      expect(lunch.sets!.length).toBeGreaterThanOrEqual(2)
      expect(lunch.sets!.some((s) => s.tags.includes('软食'))).toBe(true)
      expect(list.meal).toEqual({ deliveryFeeFen: 300, deliveryRadiusM: 3000, deliveryMinAge: 80 })
    })

    it('answers 404 for an unknown facility, 400 for a bad query, and nothing for a function without booking', async () => {
      expect((await t.app.inject({ url: '/api/facilities/nowhere/sessions?function=meal' })).statusCode).toBe(404)
      const bad = await t.app.inject({ url: '/api/facilities/yl-hongqi/sessions?function=meal&date=2026-02-30' })
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad.body).field).toBe('date')
      const health = await t.app.inject({ url: '/api/facilities/yl-hongqi/sessions?function=health' })
      expect(sessionListSchema.parse(health.json()).sessions).toEqual([])
    })
  })

  describe('booking a meal for a family member', () => {
    it('books, quotes 原价 / 补贴 / 个人支付 and stores the quote, the units, the history and the subsidy', async () => {
      const user = await devLogin(t.app, 'li-daughter')
      const mother = await addMember(t.app, user, { birthDate: '1944-03-02' })
      const lunch = await mealSession(t.app)
      const order = mealOrder(lunch, { memberId: mother.id, quantity: 2 })

      const quote = quoteSchema.parse((await t.app.inject({ method: 'POST', url: '/api/bookings/quote', headers: user, payload: order })).json())
      const price = lunch.sets[0].priceFen
      expect(quote).toMatchObject({ originalFen: 2 * price, subsidyFen: 900, payableFen: 2 * price - 900, tier: '80 周岁及以上老人' })

      const res = await postBooking(t.app, user, { ...order, expectedPayableFen: quote.payableFen })
      expect(res.statusCode).toBe(201)
      const booking = bookingSchema.parse(res.json())
      expect(booking).toMatchObject({ status: 'booked', quantity: 2, member: { id: mother.id, name: '王秀英' }, quote })
      expect(booking.code).toMatch(/^\d{8}$/)
      expect(booking.meal).toMatchObject({ setName: lunch.sets[0].name, fulfilment: 'dine_in' })

      expect((await sessionRow(lunch.id)).booked).toBe(2)
      const stored = await db().selectFrom('bookings').selectAll().where('id', '=', booking.id).executeTakeFirstOrThrow()
      expect(JSON.parse(stored.quote)).toEqual(quote)
      expect(stored.payable_fen).toBe(quote.payableFen)
      const events = await db().selectFrom('booking_events').selectAll().where('booking_id', '=', booking.id).execute()
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ from_status: null, to_status: 'booked' })
      const claims = await db().selectFrom('meal_subsidy_claims').selectAll().where('booking_id', '=', booking.id).execute()
      expect(claims).toEqual([{ beneficiary: `member:${mother.id}`, service_date: lunch.date, booking_id: booking.id }])

      const mine = bookingListSchema.parse((await t.app.inject({ url: '/api/bookings', headers: user })).json())
      expect(mine.bookings.map((b) => b.id)).toEqual([booking.id])
    })

    it('gives a second order the same day no subsidy, and dinner that day none either', async () => {
      const user = await devLogin(t.app, 'zhao-son')
      const father = await addMember(t.app, user, { name: '赵建国', relation: '父亲', birthDate: '1950-05-01' })
      const first = await book(t.app, user, mealOrder(await mealSession(t.app), { memberId: father.id }))
      expect(first.quote.subsidyFen).toBe(700)
      const dinner = await book(t.app, user, mealOrder(await mealSession(t.app, { part: 'dinner' }), { memberId: father.id }))
      expect(dinner.quote.subsidyFen).toBe(0)
      expect(dinner.quote.notes.join()).toContain('每人每天限一份补贴餐')
    })

    it('refuses a price the resident did not see', async () => {
      const user = await devLogin(t.app, 'quote-check')
      const res = await postBooking(t.app, user, mealOrder(await mealSession(t.app), { expectedPayableFen: 1 }))
      expect(res.statusCode).toBe(409)
      expect(errorOf(res.body).code).toBe('quote_changed')
    })

    it('books for the booker themself, at the full price and with a hint how to get the subsidy', async () => {
      const user = await devLogin(t.app, 'self-booker')
      const booking = await book(t.app, user, mealOrder(await mealSession(t.app)))
      expect(booking.member).toBeNull()
      expect(booking.quote.subsidyFen).toBe(0)
      expect(booking.quote.notes.join()).toContain('添加本人信息')
    })
  })

  describe('delivery', () => {
    const home = { address: '红旗小区3号楼2单元', lat: 34.6545, lng: 109.2315 }

    it('delivers to an 80-year-old within the radius and charges the fee', async () => {
      const user = await devLogin(t.app, 'delivery-ok')
      const mother = await addMember(t.app, user, { birthDate: '1940-01-01' })
      const lunch = await mealSession(t.app)
      const booking = await book(t.app, user, {
        sessionId: lunch.id,
        memberId: mother.id,
        meal: { setId: lunch.sets[0].id, fulfilment: 'delivery', delivery: home },
      })
      expect(booking.quote.deliveryFeeFen).toBe(300)
      // Paid to whoever brings it, not at the counter: the pages say 送餐时付.
      expect(booking.quote.payAt).toBe('delivery')
      expect(booking.meal?.deliveryAddress).toBe(home.address)
    })

    it('delivers to a younger member with a recorded mobility need', async () => {
      const user = await devLogin(t.app, 'delivery-mobility')
      const father = await addMember(t.app, user, { birthDate: '1958-01-01', mobilityNeed: true })
      const lunch = await mealSession(t.app)
      const res = await postBooking(t.app, user, {
        sessionId: lunch.id,
        memberId: father.id,
        meal: { setId: lunch.sets[0].id, fulfilment: 'delivery', delivery: home },
      })
      expect(res.statusCode).toBe(201)
    })

    it('refuses delivery to a 70-year-old without a mobility need, and outside the radius', async () => {
      const user = await devLogin(t.app, 'delivery-no')
      const young = await addMember(t.app, user, { birthDate: '1956-01-01' })
      const old = await addMember(t.app, user, { name: '孙桂兰', birthDate: '1938-01-01' })
      const lunch = await mealSession(t.app)
      const order = (memberId: string, delivery: typeof home) => ({
        sessionId: lunch.id,
        memberId,
        meal: { setId: lunch.sets[0].id, fulfilment: 'delivery', delivery },
      })
      const notEligible = await postBooking(t.app, user, order(young.id, home))
      expect(notEligible.statusCode).toBe(400)
      expect(errorOf(notEligible.body)).toMatchObject({ code: 'delivery_not_eligible' })
      expect(errorOf(notEligible.body).message).toContain('80 周岁')
      const far = await postBooking(t.app, user, order(old.id, { ...home, lat: 34.8 }))
      expect(far.statusCode).toBe(400)
      expect(errorOf(far.body).code).toBe('outside_delivery_area')
      const noAddress = await postBooking(t.app, user, { sessionId: lunch.id, memberId: old.id, meal: { setId: lunch.sets[0].id, fulfilment: 'delivery' } })
      expect(noAddress.statusCode).toBe(400)
      expect(errorOf(noAddress.body).field).toBe('meal.delivery')
      expect((await sessionRow(lunch.id)).booked).toBe(0 + (await bookedBefore(lunch.id)))
    })
  })

  async function bookedBefore(sessionId: string): Promise<number> {
    const rows = await db().selectFrom('bookings').select('quantity').where('session_id', '=', sessionId).where('status', '=', 'booked').execute()
    return rows.reduce((sum, r) => sum + r.quantity, 0)
  }

  describe('refusals a resident understands', () => {
    it('says how many remain when the order is more than is left', async () => {
      const user = await devLogin(t.app, 'full-check')
      const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan' })
      await db().updateTable('sessions').set({ booked: lunch.capacity - 2 }).where('id', '=', lunch.id).execute()
      const res = await postBooking(t.app, user, mealOrder(lunch, { quantity: 3 }))
      expect(res.statusCode).toBe(409)
      expect(errorOf(res.body)).toMatchObject({ code: 'full', remaining: 2 })
      expect(errorOf(res.body).message).toContain('只剩 2 份')
    })

    it('refuses at the cut-off minute and beyond the horizon', async () => {
      const user = await devLogin(t.app, 'cutoff-check')
      const lunch = await mealSession(t.app)
      const farDay = await mealSession(t.app, { date: t.clock.today(7) })
      t.clock.set(new Date(Date.parse(lunch.cutoffAt) - 1))
      expect((await postBooking(t.app, user, mealOrder(lunch))).statusCode).toBe(201)
      t.clock.set(lunch.cutoffAt)
      const late = await postBooking(t.app, await devLogin(t.app, 'cutoff-check-late'), mealOrder(lunch))
      expect(late.statusCode).toBe(409)
      expect(errorOf(late.body).code).toBe('past_cutoff')
      expect(errorOf(late.body).message).toContain('09:30')

      t.clock.set(new Date(Date.parse(farDay.startsAt) - 8 * 86_400_000))
      const early = await postBooking(t.app, user, mealOrder(farDay))
      expect(early.statusCode).toBe(400)
      expect(errorOf(early.body).code).toBe('beyond_horizon')
    })

    it('refuses more than the most units per order', async () => {
      const user = await devLogin(t.app, 'units-check')
      const res = await postBooking(t.app, user, mealOrder(await mealSession(t.app), { quantity: 6 }))
      expect(res.statusCode).toBe(400)
      expect(errorOf(res.body).code).toBe('too_many_units')
    })

    it.each([
      ['a missing Idempotency-Key', undefined, 'idempotency-key'],
      ['a set from another session', { meal: { setId: 'yl-hongqi-meal-1999-01-01-lunch-1', fulfilment: 'dine_in' } }, 'meal.setId'],
      ['no meal choice', { meal: undefined }, 'meal'],
      ['an unknown fulfilment', { meal: { setId: 'x-1', fulfilment: 'drone' } }, 'meal.fulfilment'],
      ['a fractional quantity', { quantity: 1.5 }, 'quantity'],
      ['an unknown field', { price: 0 }, 'price'],
    ])('answers 400 naming the field for %s, and writes nothing', async (_label, change, field) => {
      const user = await devLogin(t.app, 'bad-input')
      const lunch = await mealSession(t.app, { facilityId: 'yl-renmin-donglu' })
      const payload = { ...mealOrder(lunch), ...(change ?? {}) }
      const res =
        change === undefined
          ? await t.app.inject({ method: 'POST', url: '/api/bookings', headers: user, payload })
          : await postBooking(t.app, user, payload)
      expect(res.statusCode).toBe(400)
      expect(errorOf(res.body).field).toBe(field)
      expect((await sessionRow(lunch.id)).booked).toBe(0)
      const rows = await db().selectFrom('bookings').select('id').where('session_id', '=', lunch.id).execute()
      expect(rows).toEqual([])
    })

    it('needs a login', async () => {
      const res = await postBooking(t.app, { authorization: 'Bearer nobody-nobody-nobody-01' }, mealOrder(await mealSession(t.app)))
      expect(res.statusCode).toBe(401)
    })
  })

  describe('Idempotency-Key', () => {
    it('answers a retry with the first booking and books nothing more; another body under the key is a 409', async () => {
      const user = await devLogin(t.app, 'retry-once')
      const lunch = await mealSession(t.app, { facilityId: 'yl-hangkong-erlu' })
      const order = mealOrder(lunch)
      const first = await postBooking(t.app, user, order, 'tap-0000000001')
      const again = await postBooking(t.app, user, order, 'tap-0000000001')
      expect(first.statusCode).toBe(201)
      expect(again.statusCode).toBe(201)
      expect(again.json().id).toBe(first.json().id)
      expect((await sessionRow(lunch.id)).booked).toBe(1)

      const changed = await postBooking(t.app, user, { ...order, quantity: 2 }, 'tap-0000000001')
      expect(changed.statusCode).toBe(409)
      expect(errorOf(changed.body).code).toBe('idempotency_key_reused')

      // Keys are per user: another resident's identical key is their own attempt.
      const other = await devLogin(t.app, 'retry-other')
      expect((await postBooking(t.app, other, order, 'tap-0000000001')).statusCode).toBe(201)
      expect((await sessionRow(lunch.id)).booked).toBe(2)
    })
  })

  describe('cancelling', () => {
    it('returns the units and the subsidy, keeps the history, and answers a second cancel unchanged', async () => {
      const user = await devLogin(t.app, 'cancel-ok')
      const mother = await addMember(t.app, user, { birthDate: '1950-01-01' })
      const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan', part: 'dinner' })
      const booking = await book(t.app, user, mealOrder(lunch, { memberId: mother.id }))
      expect((await sessionRow(lunch.id)).booked).toBe(1)

      const res = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: user, payload: {} })
      expect(res.statusCode).toBe(200)
      const cancelled = bookingSchema.parse(res.json())
      expect(cancelled.status).toBe('cancelled')
      expect(cancelled.history.map((h) => h.status)).toEqual(['booked', 'cancelled'])
      expect((await sessionRow(lunch.id)).booked).toBe(0)
      expect(await db().selectFrom('meal_subsidy_claims').selectAll().where('booking_id', '=', booking.id).execute()).toEqual([])
      const events = await db().selectFrom('booking_events').selectAll().where('booking_id', '=', booking.id).orderBy('at').execute()
      expect(events.at(-1)).toMatchObject({ from_status: 'booked', to_status: 'cancelled', reason: '居民取消' })

      const twice = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: user })
      expect(twice.statusCode).toBe(200)
      expect((await sessionRow(lunch.id)).booked).toBe(0)

      // The subsidy is free again for a new order that day.
      expect((await book(t.app, user, mealOrder(lunch, { memberId: mother.id }))).quote.subsidyFen).toBe(700)
    })

    it('refuses after the cancel deadline and says until when it was possible', async () => {
      const user = await devLogin(t.app, 'cancel-late')
      const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan' })
      const booking = await book(t.app, user, mealOrder(lunch))
      t.clock.set(booking.cancelUntil)
      const res = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: user })
      expect(res.statusCode).toBe(409)
      expect(errorOf(res.body).code).toBe('cancel_deadline_passed')
      expect(errorOf(res.body).message).toContain('09:30')
      expect((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: user })).json().status).toBe('booked')
    })
  })

  describe('one family never reaches another', () => {
    it('answers 404 to reading, cancelling or booking for someone else’s member or booking', async () => {
      const owner = await devLogin(t.app, 'family-a')
      const stranger = await devLogin(t.app, 'family-b')
      const mother = await addMember(t.app, owner)
      const lunch = await mealSession(t.app)
      const booking = await book(t.app, owner, mealOrder(lunch, { memberId: mother.id }))

      expect((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: stranger })).statusCode).toBe(404)
      const cancel = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: stranger })
      expect(cancel.statusCode).toBe(404)
      const forTheirMember = await postBooking(t.app, stranger, mealOrder(lunch, { memberId: mother.id }))
      expect(forTheirMember.statusCode).toBe(404)
      expect(errorOf(forTheirMember.body).code).toBe('not_found')
      expect((await t.app.inject({ url: `/api/me/members/${mother.id}`, headers: stranger })).statusCode).toBe(404)
      const edit = await t.app.inject({ method: 'PATCH', url: `/api/me/members/${mother.id}`, headers: stranger, payload: { name: '改' } })
      expect(edit.statusCode).toBe(404)
      expect((await t.app.inject({ method: 'DELETE', url: `/api/me/members/${mother.id}`, headers: stranger })).statusCode).toBe(404)

      const theirs = bookingListSchema.parse((await t.app.inject({ url: '/api/bookings', headers: stranger })).json())
      expect(theirs.bookings).toEqual([])
      expect((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers: owner })).json().status).toBe('booked')
    })
  })
})
