import { CARE_AGREEMENT, CHILD_CONSENT, bookingSchema, sessionListSchema } from '@shared/index'
import { infantSessionId } from '../../server/db/seed/infant-care'
import { addDays, dayName } from '../../server/time/shanghai'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, postBooking } from '../support/bookings'
import { bornMonthsBefore, nextMonday } from '../support/calendar'
import { DATABASES } from '../support/databases'

const NURSERY = 'yl-hangkong-erlu'
const care = { serviceAgreementVersion: CARE_AGREEMENT.version, healthCheckDeclared: true }



describe.each(DATABASES)('infant care on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const child = (guardian: { authorization: string }, birthDate: string, name = '李小雨') =>
    addMember(t.app, guardian, { name, relation: '女儿', birthDate, childConsentVersion: CHILD_CONSENT.version })
  const classBooked = async (date: string, classCode: string) =>
    (
      await db()
        .selectFrom('session_classes')
        .select('booked')
        .where('session_id', '=', infantSessionId(NURSERY, date))
        .where('class_code', '=', classCode)
        .executeTakeFirstOrThrow()
    ).booked

  it('lists working days with places and prices per class', async () => {
    const monday = nextMonday(t.clock.today())
    const res = await t.app.inject({ url: `/api/facilities/${NURSERY}/sessions?function=infant_care&date=${monday}` })
    const [session] = sessionListSchema.parse(res.json()).sessions
    expect(session.part).toBe('full_day')
    expect(session.classes?.map((c) => [c.name, c.capacity, c.priceFen])).toEqual([
      ['乳儿班', 6, 9000],
      ['托小班', 10, 8000],
      ['托大班', 15, 7000],
    ])
  })

  it('books a week of 全日托 all at once, after the guardian’s agreement and health declaration', async () => {
    const guardian = await devLogin(t.app, 'week-guardian')
    const monday = nextMonday(t.clock.today())
    const friday = addDays(monday, 4)
    const kid = await child(guardian, bornMonthsBefore(monday, 18))
    const week = { sessionId: infantSessionId(NURSERY, monday), memberId: kid.id, throughDate: friday }

    const first = await postBooking(t.app, guardian, week)
    expect(first.statusCode).toBe(400)
    expect(errorOf(first.body).field).toBe('care')

    const res = await postBooking(t.app, guardian, { ...week, care })
    expect(res.statusCode).toBe(201)
    const booking = bookingSchema.parse(res.json())
    expect(booking.care?.days.map((d) => d.className)).toEqual(['托小班', '托小班', '托小班', '托小班', '托小班'])
    expect(booking.quote).toMatchObject({ originalFen: 5 * 8000, payableFen: 5 * 8000 })
    const takes = await db().selectFrom('booking_sessions').selectAll().where('booking_id', '=', booking.id).execute()
    expect(takes).toHaveLength(5)
    expect(await classBooked(monday, 'toddler_small')).toBe(1)
    const agreements = await db().selectFrom('care_agreements').selectAll().where('member_id', '=', kid.id).execute()
    expect(agreements).toHaveLength(1)

    // The next week needs no agreement again; cancelling gives every day's place back.
    const next = await postBooking(t.app, guardian, { sessionId: infantSessionId(NURSERY, addDays(monday, 7)), memberId: kid.id })
    expect(next.statusCode).toBe(201)
    await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/cancel`, headers: guardian })
    expect(await classBooked(monday, 'toddler_small')).toBe(0)
    expect(await classBooked(friday, 'toddler_small')).toBe(0)
  })

  it('moves the child to the next class on the day they turn 12 months, within the same week', async () => {
    const guardian = await devLogin(t.app, 'birthday-guardian')
    const monday = nextMonday(t.clock.today())
    const wednesday = addDays(monday, 2)
    const kid = await child(guardian, bornMonthsBefore(wednesday, 12), '王小宝')
    const res = await postBooking(t.app, guardian, { sessionId: infantSessionId(NURSERY, monday), memberId: kid.id, throughDate: addDays(monday, 4), care })
    expect(res.statusCode).toBe(201)
    expect(bookingSchema.parse(res.json()).care?.days.map((d) => d.className)).toEqual(['乳儿班', '乳儿班', '托小班', '托小班', '托小班'])
    expect(bookingSchema.parse(res.json()).quote.originalFen).toBe(2 * 9000 + 3 * 8000)
  })

  it.each([
    ['4 months', 4],
    ['40 months', 40],
  ])('refuses a child of %s, saying why', async (_label, months) => {
    const guardian = await devLogin(t.app, `age-${months}`)
    const monday = nextMonday(t.clock.today())
    const kid = await child(guardian, bornMonthsBefore(monday, months))
    const res = await postBooking(t.app, guardian, { sessionId: infantSessionId(NURSERY, monday), memberId: kid.id, care })
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body)).toMatchObject({ code: 'age_not_eligible' })
    expect(errorOf(res.body).message).toContain(`${months} 个月`)
  })

  it('books a week all or nothing: one full day refuses the week, naming the day, and takes nothing', async () => {
    const guardian = await devLogin(t.app, 'full-week-guardian')
    const monday = addDays(nextMonday(t.clock.today()), 14)
    const wednesday = addDays(monday, 2)
    const kid = await child(guardian, bornMonthsBefore(monday, 30))
    await db().updateTable('session_classes').set({ booked: 15 }).where('session_id', '=', infantSessionId(NURSERY, wednesday)).where('class_code', '=', 'toddler_large').execute()
    const res = await postBooking(t.app, guardian, { sessionId: infantSessionId(NURSERY, monday), memberId: kid.id, throughDate: addDays(monday, 4), care })
    expect(res.statusCode).toBe(409)
    expect(errorOf(res.body).code).toBe('full')
    expect(errorOf(res.body).message).toContain(`${Number(wednesday.slice(5, 7))}月${Number(wednesday.slice(8, 10))}日`)
    expect(await classBooked(monday, 'toddler_large')).toBe(0)
    expect(await db().selectFrom('bookings').select('id').where('member_id', '=', kid.id).execute()).toEqual([])
  })

  it('gives the last place in a class to exactly one of 30 racing families', async () => {
    const day = addDays(nextMonday(t.clock.today()), 7)
    await db().updateTable('session_classes').set({ booked: 5 }).where('session_id', '=', infantSessionId(NURSERY, day)).where('class_code', '=', 'infant').execute()
    const families = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const guardian = await devLogin(t.app, `race-family-${i}`)
        const kid = await child(guardian, bornMonthsBefore(day, 8), `宝宝${i}`)
        return { guardian, kid }
      }),
    )
    const responses = await Promise.all(
      families.map(({ guardian, kid }) => postBooking(t.app, guardian, { sessionId: infantSessionId(NURSERY, day), memberId: kid.id, care })),
    )
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1)
    expect(responses.filter((r) => r.statusCode === 409).every((r) => errorOf(r.body).code === 'full')).toBe(true)
    expect(await classBooked(day, 'infant')).toBe(6)
  })

  it('keeps a child to their own family: another family can neither book for, read nor cancel them (404)', async () => {
    const parent = await devLogin(t.app, 'own-parent')
    const stranger = await devLogin(t.app, 'other-parent')
    const monday = nextMonday(t.clock.today())
    const kid = await child(parent, bornMonthsBefore(monday, 20), '陈小朵')
    const booking = await postBooking(t.app, parent, { sessionId: infantSessionId(NURSERY, monday), memberId: kid.id, care })
    expect(booking.statusCode).toBe(201)
    const id = booking.json().id

    const forTheirChild = await postBooking(t.app, stranger, { sessionId: infantSessionId(NURSERY, addDays(monday, 1)), memberId: kid.id, care })
    expect(forTheirChild.statusCode).toBe(404)
    expect((await t.app.inject({ url: `/api/me/members/${kid.id}`, headers: stranger })).statusCode).toBe(404)
    expect((await t.app.inject({ url: `/api/bookings/${id}`, headers: stranger })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url: `/api/bookings/${id}/cancel`, headers: stranger })).statusCode).toBe(404)
    const list = await t.app.inject({ url: '/api/me/members', headers: stranger })
    expect(JSON.stringify(list.json())).not.toContain('陈小朵')
  })

  it('prices 半日托, 计时托 and 临时托 at the class’s rates, each taking the child’s class place for the day', async () => {
    const guardian = await devLogin(t.app, 'types-guardian')
    const monday = addDays(nextMonday(t.clock.today()), 14)
    const kid = await child(guardian, bornMonthsBefore(monday, 9), '周小满')
    const day = (offset: number, infant: object, extra: object = {}) => ({
      sessionId: infantSessionId(NURSERY, addDays(monday, offset)),
      memberId: kid.id,
      care,
      infant,
      ...extra,
    })

    const halfWeek = await postBooking(t.app, guardian, day(0, { type: 'half_day', half: 'morning' }, { throughDate: addDays(monday, 1) }))
    expect(halfWeek.statusCode).toBe(201)
    const half = bookingSchema.parse(halfWeek.json())
    expect(half.care?.service).toBe('半日托（上午 08:00–12:00）')
    // Named and timed as booked: a morning, not 全天 from the day's opening.
    expect(half).toMatchObject({ service: '婴幼儿托育 · 半日托（上午）', days: [monday, addDays(monday, 1)], hours: { from: '08:00', to: '12:00' } })
    const notice = await t.store.db.kysely.selectFrom('notices').select('body').where('booking_id', '=', half.id).where('kind', '=', 'booking_confirmed').executeTakeFirstOrThrow()
    // Whose, which service, when: the two mornings as a run, in the words the booking page uses.
    expect(notice.body).toContain(`周小满的航空二路社区半日托（上午），${dayName(monday)} 08:00 至 ${dayName(addDays(monday, 1))}`)
    expect(notice.body).not.toContain('全天')
    expect(half.quote.originalFen).toBe(2 * 5000)
    expect(await classBooked(monday, 'infant')).toBe(1)

    const hourly = bookingSchema.parse((await postBooking(t.app, guardian, day(2, { type: 'hourly', startHour: 9, hours: 2 }))).json())
    expect(hourly).toMatchObject({ care: { service: '计时托 09:00–11:00' }, quote: { originalFen: 2 * 1500 } })
    expect(hourly).toMatchObject({ service: '婴幼儿托育 · 计时托', hours: { from: '09:00', to: '11:00' } })
    // Before day 3 is booked: a child holds one place a day, and that refusal would come first.
    const hourlyRun = await postBooking(t.app, guardian, day(3, { type: 'hourly', startHour: 9, hours: 1 }, { throughDate: addDays(monday, 4) }))
    expect(hourlyRun.statusCode).toBe(400)
    expect(errorOf(hourlyRun.body)).toMatchObject({ field: 'throughDate', reason: '计时托每次只预约一天' })
    const temporary = bookingSchema.parse((await postBooking(t.app, guardian, day(3, { type: 'temporary' }))).json())
    expect(temporary).toMatchObject({ care: { service: '临时托' }, quote: { originalFen: 11000 } })
    expect(await classBooked(addDays(monday, 3), 'infant')).toBe(1)

    const late = await postBooking(t.app, guardian, day(4, { type: 'hourly', startHour: 15, hours: 3 }))
    expect(late.statusCode).toBe(400)
    expect(errorOf(late.body).reason).toBe('计时托须在 17:00 前结束')
    const noHalf = await postBooking(t.app, guardian, day(4, { type: 'half_day' }))
    expect(errorOf(noHalf.body)).toMatchObject({ code: 'invalid_input', reason: '半日托请选择上午或下午' })
    expect(await classBooked(addDays(monday, 4), 'infant')).toBe(0)
  })

  it('lists each class’s rates for the other types with the day’s places', async () => {
    const res = await t.app.inject({ url: `/api/facilities/${NURSERY}/sessions?function=infant_care&date=${nextMonday(t.clock.today())}` })
    const [session] = sessionListSchema.parse(res.json()).sessions
    expect(session.classes?.[0]).toMatchObject({ name: '乳儿班', rates: { halfDayFen: 5000, hourlyFen: 1500, temporaryFen: 11000 } })
  })
})
