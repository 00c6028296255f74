import { CARE_AGREEMENT, CHILD_CONSENT, bookingSchema, errorBodySchema, rosterSchema, sessionListSchema } from '@shared/index'
import { infantSessionId } from '../../server/db/seed/infant-care'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays, dayName, shanghaiInstant } from '../../server/time/shanghai'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { addMember, postBooking } from '../support/bookings'
import { bornMonthsBefore, nextMonday } from '../support/calendar'
import { DATABASES } from '../support/databases'


describe.each(DATABASES)('儿童托管 and the children’s roster on %s', (database) => {
  let t: TestApp
  let staff: { authorization: string }
  beforeAll(async () => {
    t = await createTestApp(database)
    staff = await devLogin(t.app, 'centre-staff')
    await grantStaff(t.store.db.kysely, { user: 'dev:centre-staff', scopeKind: 'operator', scopeId: 'yl-hangkong-erlu-operator', grantedBy: 'test' }, t.clock.now())
  })
  afterAll(() => t.close())

  const errorOf = (body: string) => errorBodySchema.parse(JSON.parse(body)).error
  const child = (guardian: { authorization: string }, birthDate: string, name: string) =>
    addMember(t.app, guardian, { name, relation: '儿子', birthDate, allergies: '芒果', childConsentVersion: CHILD_CONSENT.version })

  /**
   * The first Monday-to-Friday run of one kind of 托管 session open for booking: after school in term time, the
   * holiday sessions in the long breaks (the school calendar decides which, whatever day the suite runs).
   */
  async function aWeekOfCare() {
    const res = await t.app.inject({ url: '/api/facilities/yl-hangkong-erlu/sessions?function=child_care' })
    const sessions = sessionListSchema.parse(res.json()).sessions.filter((s) => s.bookable)
    for (const monday of sessions.filter((s) => new Date(`${s.date}T00:00:00Z`).getUTCDay() === 1)) {
      const days = [0, 1, 2, 3, 4].map((i) => sessions.find((s) => s.part === monday.part && s.date === addDays(monday.date, i)))
      if (days.every(Boolean)) return { first: monday, priceFen: days.reduce((sum, s) => sum + (s?.priceFen ?? 0), 0) }
    }
    throw new Error(`no week of 托管 sessions to book: ${res.body}`)
  }

  it('books a week of after-school care with who may collect the child, and the roster shows them each day', async () => {
    const guardian = await devLogin(t.app, 'after-school-guardian')
    const kid = await child(guardian, '2017-09-01', '张小明')
    const { first, priceFen } = await aWeekOfCare()
    const monday = first.date
    const week = { sessionId: first.id, memberId: kid.id, throughDate: addDays(monday, 4) }

    const missing = await postBooking(t.app, guardian, week)
    expect(missing.statusCode).toBe(400)
    expect(errorOf(missing.body).field).toBe('collectors')
    const tooMany = await postBooking(t.app, guardian, { ...week, collectors: [{ name: '张伟', phone: '13800001111' }, { name: '李娜', phone: '13900002222' }, { name: '张爷爷', phone: '13700003333' }, { name: '张奶奶', phone: '13600004444' }] })
    expect(errorOf(tooMany.body).field).toBe('collectors')
    // A collector is reached by phone at pick-up time: a number is needed, and a real one.
    for (const collectors of [['张伟'], [{ name: '张伟' }], [{ name: '张伟', phone: '1380000111' }], [{ name: '张伟', phone: '02986161234' }]]) {
      const bad = await postBooking(t.app, guardian, { ...week, collectors })
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad.body).field).toMatch(/^collectors/)
      expect(errorOf(bad.body).message).toMatch(/接送人|手机号/)
    }

    // Typed as people write numbers: spaces and dashes are dropped.
    const res = await postBooking(t.app, guardian, { ...week, collectors: [{ name: '张伟', phone: '138 0000-1111' }, { name: '张奶奶', phone: '13600004444' }] })
    expect(res.statusCode).toBe(201)
    const booked = bookingSchema.parse(res.json())
    expect(booked).toMatchObject({ collectors: [{ name: '张伟', phone: '13800001111' }, { name: '张奶奶', phone: '13600004444' }], quote: { originalFen: priceFen } })
    // It names the service and every day of the week, not only the first.
    const afterSchool = first.part === 'afternoon'
    expect(booked.service).toBe(afterSchool ? '儿童托管 · 放学后托管' : '儿童托管 · 假期托管')
    expect(booked.days).toEqual([0, 1, 2, 3, 4].map((i) => addDays(monday, i)))
    expect(booked.hours).toEqual(afterSchool ? { from: '16:30', to: '19:00' } : { from: '08:30', to: '17:30' })
    const read = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${booked.id}`, headers: guardian })).json())
    expect(read).toMatchObject({ service: booked.service, days: booked.days, hours: booked.hours })

    // Wednesday's list at the front desk names the child, the allergy and the collectors.
    const wednesday = addDays(monday, 2)
    const roster = rosterSchema.parse(
      (await t.app.inject({ url: `/api/staff/facilities/yl-hangkong-erlu/roster?function=child_care&date=${wednesday}`, headers: staff })).json(),
    )
    expect(roster.sessions[0].entries).toEqual([
      expect.objectContaining({ beneficiaryName: '张小明', allergies: '芒果', collectors: [{ name: '张伟', phone: '13800001111' }, { name: '张奶奶', phone: '13600004444' }] }),
    ])
  })

  it('checks a week in on any of its days and completes it on its last day only', async () => {
    const guardian = await devLogin(t.app, 'after-school-week-at-desk')
    const kid = await child(guardian, '2017-10-01', '李小红')
    const { first } = await aWeekOfCare()
    const monday = first.date
    const res = await postBooking(t.app, guardian, { sessionId: first.id, memberId: kid.id, throughDate: addDays(monday, 4), collectors: [{ name: '李娜', phone: '13900002222' }] })
    const booking = bookingSchema.parse(res.json())
    const act = (action: string) =>
      t.app.inject({ method: 'POST', url: `/api/staff/facilities/yl-hangkong-erlu/bookings/${booking.id}/${action}`, headers: staff })
    const clock = first.startsAt.slice(11, 16)
    try {
      // She first comes on Wednesday, after the start.
      t.clock.set(shanghaiInstant(addDays(monday, 2), clock))
      t.clock.advance(10 * 60_000)
      expect((await act('check-in')).statusCode).toBe(200)
      const early = await act('complete')
      expect(early.statusCode).toBe(409)
      expect(errorOf(early.body).message).toContain(`服务完成请在最后一天（${dayName(addDays(monday, 4))}）登记`)
      t.clock.set(shanghaiInstant(addDays(monday, 4), clock))
      t.clock.advance(3 * 3_600_000)
      expect((await act('complete')).statusCode).toBe(200)
    } finally {
      t.clock.reset()
    }
  })

  it('cancels one day of a week: the place goes back, the price drops, the rest of the week stands', async () => {
    const guardian = await devLogin(t.app, 'after-school-one-day')
    const kid = await child(guardian, '2017-11-01', '王小军')
    const { first } = await aWeekOfCare()
    const monday = first.date
    const wednesday = addDays(monday, 2)
    const res = await postBooking(t.app, guardian, {
      sessionId: first.id,
      memberId: kid.id,
      throughDate: addDays(monday, 4),
      collectors: [{ name: '王芳', phone: '13912345678' }],
    })
    expect(res.statusCode).toBe(201)
    const booked = bookingSchema.parse(res.json())
    expect(booked.cancellableDays).toEqual(booked.days)
    const wednesdaySession = `${first.id.slice(0, -monday.length)}${wednesday}`
    const remainingOf = async (id: string) =>
      (await t.store.db.kysely.selectFrom('sessions').select('booked').where('id', '=', id).executeTakeFirstOrThrow()).booked
    const before = await remainingOf(wednesdaySession)
    const dayPrice = (await t.store.db.kysely.selectFrom('sessions').select('price_fen').where('id', '=', wednesdaySession).executeTakeFirstOrThrow()).price_fen ?? 0

    const cancelDay = (date: string, headers = guardian) =>
      t.app.inject({ method: 'POST', url: `/api/bookings/${booked.id}/days/${date}/cancel`, headers })
    // Someone else's booking is not theirs to learn of.
    expect((await cancelDay(wednesday, await devLogin(t.app, 'after-school-stranger'))).statusCode).toBe(404)
    // A day the booking does not cover, or no date at all.
    const outside = await cancelDay(addDays(monday, 7))
    expect(outside.statusCode).toBe(400)
    expect(errorOf(outside.body)).toMatchObject({ field: 'date' })
    expect((await cancelDay('2026-13-01')).statusCode).toBe(400)

    const cancelled = await cancelDay(wednesday)
    expect(cancelled.statusCode).toBe(200)
    const after = bookingSchema.parse(cancelled.json())
    expect(after.status).toBe('booked')
    expect(after.days).toEqual([0, 1, 3, 4].map((i) => addDays(monday, i)))
    expect(after.quote.payableFen).toBe(booked.quote.payableFen - dayPrice)
    expect(after.history.at(-1)?.reason).toContain(`取消了${dayName(wednesday)}`)
    expect(await remainingOf(wednesdaySession)).toBe(before - 1)
    const claims = await t.store.db.kysely.selectFrom('place_claims').select('service_date').where('booking_id', '=', booked.id).execute()
    expect(claims.map((c) => c.service_date)).not.toContain(wednesday)
    // Twice is refused, saying why; the first day too can go, and the booking then starts on Tuesday.
    expect((await cancelDay(wednesday)).statusCode).toBe(400)
    const monday2 = bookingSchema.parse((await cancelDay(monday)).json())
    expect(monday2.date).toBe(addDays(monday, 1))
    // The Wednesday place can be booked again by the same child.
    const again = await postBooking(t.app, guardian, { sessionId: wednesdaySession, memberId: kid.id, collectors: [{ name: '王芳', phone: '13912345678' }] })
    expect(again.statusCode).toBe(201)
    // Down to the last day, the booking is cancelled as a whole.
    await cancelDay(addDays(monday, 1))
    await cancelDay(addDays(monday, 3))
    const last = await cancelDay(addDays(monday, 4))
    expect(last.statusCode).toBe(409)
    expect(errorOf(last.body).message).toContain('请取消整个预约')
  })

  it('refuses to cancel a day after that day’s deadline', async () => {
    const guardian = await devLogin(t.app, 'after-school-late-day')
    const kid = await child(guardian, '2017-12-01', '赵小兰')
    const { first } = await aWeekOfCare()
    const monday = first.date
    const res = await postBooking(t.app, guardian, {
      sessionId: first.id,
      memberId: kid.id,
      throughDate: addDays(monday, 4),
      collectors: [{ name: '赵强', phone: '13700001234' }],
    })
    const booked = bookingSchema.parse(res.json())
    try {
      // Tuesday at the start of its session: Tuesday is past its deadline, Thursday is not.
      t.clock.set(shanghaiInstant(addDays(monday, 1), first.startsAt.slice(11, 16)))
      const read = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${booked.id}`, headers: guardian })).json())
      expect(read.cancellableDays).toEqual([2, 3, 4].map((i) => addDays(monday, i)))
      const late = await t.app.inject({ method: 'POST', url: `/api/bookings/${booked.id}/days/${addDays(monday, 1)}/cancel`, headers: guardian })
      expect(late.statusCode).toBe(409)
      expect(errorOf(late.body).code).toBe('cancel_deadline_passed')
      const fine = await t.app.inject({ method: 'POST', url: `/api/bookings/${booked.id}/days/${addDays(monday, 3)}/cancel`, headers: guardian })
      expect(fine.statusCode).toBe(200)
    } finally {
      t.clock.reset()
    }
  })

  it('refuses a child outside school age, saying why', async () => {
    const guardian = await devLogin(t.app, 'after-school-young')
    const kid = await child(guardian, '2022-01-01', '小不点')
    const res = await postBooking(t.app, guardian, {
      sessionId: (await aWeekOfCare()).first.id,
      memberId: kid.id,
      collectors: [{ name: '妈妈', phone: '13500005555' }],
    })
    expect(res.statusCode).toBe(400)
    expect(errorOf(res.body).message).toContain('6 到 13 周岁')
  })

  it('lists an infant-care week on each of its days with the class of that day', async () => {
    const guardian = await devLogin(t.app, 'roster-infant')
    const monday = nextMonday(t.clock.today())
    const kid = await child(guardian, bornMonthsBefore(monday, 20), '王小宝')
    const res = await postBooking(t.app, guardian, {
      sessionId: infantSessionId('yl-hangkong-erlu', monday),
      memberId: kid.id,
      throughDate: addDays(monday, 4),
      care: { serviceAgreementVersion: CARE_AGREEMENT.version, healthCheckDeclared: true },
    })
    expect(res.statusCode).toBe(201)
    const thursday = addDays(monday, 3)
    const roster = rosterSchema.parse(
      (await t.app.inject({ url: `/api/staff/facilities/yl-hangkong-erlu/roster?function=infant_care&date=${thursday}`, headers: staff })).json(),
    )
    expect(roster.sessions[0].entries).toEqual([expect.objectContaining({ beneficiaryName: '王小宝', className: '托小班', allergies: '芒果' })])
  })
})
