import { bookingListSchema, bookingSchema, quoteSchema } from '@shared/index'
import { dayCareId } from '../../server/db/seed/day-care'
import { holidayCareId } from '../../server/db/seed/after-school'
import { seedAfterSchool } from '../../server/db/seed/after-school'
import { addDays, dayName } from '../../server/time/shanghai'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, mealSession, postBooking } from '../support/bookings'
import { nextMonday, weekdayWithin } from '../support/calendar'
import { DATABASES } from '../support/databases'

const CENTRE = 'yl-hongqi'

describe.each(DATABASES)('日间照料 with lunch, and holiday 托管 sessions, on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const booked = async (id: string) =>
    (await db().selectFrom('sessions').select('booked').where('id', '=', id).executeTakeFirstOrThrow()).booked
  const elder = async (openid: string) => {
    const headers = await devLogin(t.app, openid)
    const father = await addMember(t.app, headers, { name: '孙德明', relation: '父亲', birthDate: '1941-04-12' })
    return { headers, father }
  }

  it('books a day place with lunch from the kitchen: two bookings, the lunch priced and subsidised by the meal engine', async () => {
    const { headers, father } = await elder('day-care-family')
    // A day place is booked by the evening before; its lunch must be on a published menu (a week ahead).
    const day = weekdayWithin(t.clock.today(), 2, 7)
    const lunch = await mealSession(t.app, { facilityId: CENTRE, date: day })
    const res = await postBooking(t.app, headers, { sessionId: dayCareId(CENTRE, day), memberId: father.id, lunch: { setId: lunch.sets[0].id } })
    expect(res.statusCode).toBe(201)
    const place = bookingSchema.parse(res.json())
    expect(place).toMatchObject({ function: 'elderly_care', part: 'full_day', quote: { payableFen: 3000 } })
    expect(place.quote.notes[0]).toContain(`另订午餐「${lunch.sets[0].name}」`)
    expect(place).toMatchObject({ service: '日间照料', days: [day], hours: { from: '08:30', to: '17:00' } })
    const notice = await db().selectFrom('notices').select('body').where('booking_id', '=', place.id).where('kind', '=', 'booking_confirmed').executeTakeFirstOrThrow()
    expect(notice.body).toContain(`孙德明的红旗社区日间照料，${dayName(day)} 08:30`)

    const mine = bookingListSchema.parse((await t.app.inject({ url: '/api/bookings', headers })).json()).bookings
    const meal = mine.find((b) => b.function === 'meal')
    expect(meal).toMatchObject({ date: day, part: 'lunch', meal: { fulfilment: 'dine_in', setName: lunch.sets[0].name }, beneficiaryName: '孙德明' })
    expect(meal).toMatchObject({ service: '社区助餐 · 午餐', days: [day], hours: { from: '11:30', to: '13:00' } })
    expect(meal?.quote.subsidyFen).toBeGreaterThan(0)
    expect(await booked(dayCareId(CENTRE, day))).toBe(1)
    expect(await booked(lunch.id)).toBe(1)
  })

  it('quotes a day place with lunch at what the tap costs in all, and books it at that price', async () => {
    const { headers, father } = await elder('day-care-quote')
    const day = weekdayWithin(t.clock.today(), 2, 7)
    const lunch = await mealSession(t.app, { facilityId: CENTRE, date: day })
    const quote = async (payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/bookings/quote', headers, payload })
      expect(res.statusCode).toBe(200)
      return quoteSchema.parse(res.json())
    }
    const dayAlone = await quote({ sessionId: dayCareId(CENTRE, day), memberId: father.id })
    const lunchAlone = await quote({ sessionId: lunch.id, memberId: father.id, meal: { setId: lunch.sets[0].id, fulfilment: 'dine_in' } })
    const both = await quote({ sessionId: dayCareId(CENTRE, day), memberId: father.id, lunch: { setId: lunch.sets[0].id } })
    // 30 元 for the day and the subsidised lunch: the button says what the resident pays at the counter.
    expect(both).toMatchObject({
      originalFen: dayAlone.originalFen + lunchAlone.originalFen,
      subsidyFen: lunchAlone.subsidyFen,
      payableFen: dayAlone.payableFen + lunchAlone.payableFen,
      tier: lunchAlone.tier,
    })
    expect(lunchAlone.payableFen).toBeGreaterThan(0)
    expect(both.notes.join('')).toContain(`午餐「${lunch.sets[0].name}」`)

    const res = await postBooking(t.app, headers, {
      sessionId: dayCareId(CENTRE, day),
      memberId: father.id,
      lunch: { setId: lunch.sets[0].id },
      expectedPayableFen: both.payableFen,
    })
    expect(res.statusCode).toBe(201)
    // Two bookings, each with its own price: the day place and the lunch.
    expect(bookingSchema.parse(res.json()).quote.payableFen).toBe(dayAlone.payableFen)
    const mine = bookingListSchema.parse((await t.app.inject({ url: '/api/bookings', headers })).json()).bookings
    expect(mine.find((b) => b.function === 'meal')?.quote.payableFen).toBe(lunchAlone.payableFen)
  })

  it('takes neither the day nor the lunch when the lunch cannot be had, and says why', async () => {
    const { headers, father } = await elder('day-care-no-lunch')
    const day = weekdayWithin(t.clock.today(), 2, 7)
    const lunch = await mealSession(t.app, { facilityId: CENTRE, date: day })
    const wrongSet = await postBooking(t.app, headers, { sessionId: dayCareId(CENTRE, day), memberId: father.id, lunch: { setId: 'not-on-menu' } })
    expect(wrongSet.statusCode).toBe(400)
    expect(errorOf(wrongSet.body).field).toBe('lunch')
    await db().updateTable('sessions').set((eb) => ({ capacity: eb.ref('booked') })).where('id', '=', lunch.id).execute()
    const placesBefore = await booked(dayCareId(CENTRE, day))
    const full = await postBooking(t.app, headers, { sessionId: dayCareId(CENTRE, day), memberId: father.id, lunch: { setId: lunch.sets[0].id } })
    expect(full.statusCode).toBe(409)
    expect(errorOf(full.body).code).toBe('full')
    expect(await booked(dayCareId(CENTRE, day))).toBe(placesBefore)
    const week = await postBooking(t.app, headers, {
      sessionId: dayCareId(CENTRE, nextMonday(t.clock.today())),
      memberId: father.id,
      throughDate: addDays(nextMonday(t.clock.today()), 4),
      lunch: { setId: lunch.sets[0].id },
    })
    expect(errorOf(week.body)).toMatchObject({ field: 'lunch', reason: '加订午餐请按天预约日间照料' })
    expect((await postBooking(t.app, headers, { sessionId: dayCareId(CENTRE, nextMonday(t.clock.today())), memberId: father.id, throughDate: addDays(nextMonday(t.clock.today()), 4) })).statusCode).toBe(201)
  })

  it('refuses a day place for someone under 60', async () => {
    const headers = await devLogin(t.app, 'day-care-young')
    const son = await addMember(t.app, headers, { name: '孙强', relation: '本人', birthDate: '1975-01-01' })
    const res = await postBooking(t.app, headers, { sessionId: dayCareId(CENTRE, nextMonday(t.clock.today())), memberId: son.id })
    expect(errorOf(res.body)).toMatchObject({ field: 'memberId' })
  })

  it('seeds all-day 托管 on school holidays and after-school sessions only on school days', async () => {
    // Seen from 10 January 2027: school until Friday 15 January, the winter break from Saturday 16.
    await db().transaction().execute((trx) => seedAfterSchool(trx, { now: new Date('2027-01-10T02:00:00Z'), setUp: false }))
    const sessions = await db()
      .selectFrom('sessions')
      .select(['date', 'part', 'price_fen', 'id'])
      .where('facility_id', '=', 'yl-jiayuan')
      .where('function_code', '=', 'child_care')
      .where('date', '>=', '2027-01-11')
      .where('date', '<=', '2027-01-18')
      .orderBy('date')
      .execute()
    expect(sessions.map((s) => [s.date, s.part, s.price_fen])).toEqual([
      ['2027-01-11', 'afternoon', 1500],
      ['2027-01-12', 'afternoon', 1500],
      ['2027-01-13', 'afternoon', 1500],
      ['2027-01-14', 'afternoon', 1500],
      ['2027-01-15', 'afternoon', 1500],
      ['2027-01-16', 'full_day', 6000],
      ['2027-01-17', 'full_day', 6000],
      ['2027-01-18', 'full_day', 6000],
    ])
    expect(sessions.at(-1)?.id).toBe(holidayCareId('yl-jiayuan', '2027-01-18'))
  })
})
