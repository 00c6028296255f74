import { CHILD_CONSENT, activityListSchema, evaluationResponseSchema, sessionListSchema, bookingSchema, staffActivitySchema, waitlistEntrySchema } from '@shared/index'
import { addDays, shanghaiInstant } from '../../server/time/shanghai'
import { devLogin, errorOf, staffLogin, useTestApp } from '../support/app'
import { addMember, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

const JIAYUAN = 'yl-jiayuan'
type Headers = { authorization: string }

describe.each(DATABASES)('activities through the booking engine, on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  let operator: Headers
  let families = 0
  beforeAll(async () => {
    operator = await staffLogin(t, 'activity-operator', 'operator', `${JIAYUAN}-operator`)
  })
  afterEach(() => t.clock.reset())

  const tomorrow = () => addDays(t.clock.today(), 1)
  const publish = (payload: object, headers: Headers = operator, facilityId = JIAYUAN) =>
    t.app.inject({ method: 'POST', url: `/api/staff/facilities/${facilityId}/activities`, headers, payload })
  // Each test's class is another term: the same publication twice is a retry (see below), not a second class.
  let term = 0
  const calligraphy = (fields: object = {}) => ({
    function: 'culture',
    title: `少儿书法入门班第${++term}期`,
    description: '毛笔字基本笔画，工具由中心提供',
    dates: [tomorrow(), addDays(t.clock.today(), 8)],
    starts: '15:00',
    ends: '16:30',
    places: 12,
    priceFen: 0,
    minAge: 6,
    maxAge: 12,
    ...fields,
  })
  const published = async (fields: object = {}) => {
    const res = await publish(calligraphy(fields))
    expect(res.statusCode).toBe(201)
    return staffActivitySchema.parse(res.json())
  }
  const family = async () => {
    const headers = await devLogin(t.app, `activity-family-${++families}`)
    const child = await addMember(t.app, headers, { name: `小明${families}`, relation: '儿子', birthDate: `${Number(t.clock.today().slice(0, 4)) - 8}-03-01`, childConsentVersion: CHILD_CONSENT.version })
    return { headers, child }
  }
  const counts = async () => ({
    activities: Number((await db().selectFrom('activities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    sessions: Number((await db().selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  })

  it('publishes a class on two days as sessions residents read, each with its places and a booking rule', async () => {
    const activity = await published()
    expect(activity).toMatchObject({ function: 'culture', title: expect.stringMatching(/^少儿书法入门班/), minAge: 6, maxAge: 12, priceFen: 0, withdrawn: false, signedUp: 0 })
    expect(activity.sessions.map((s) => s.date)).toEqual([tomorrow(), addDays(t.clock.today(), 8)])
    expect(activity.sessions[0]).toMatchObject({ part: 'activity', capacity: 12, remaining: 12, bookable: true })
    expect(activity.sessions[0].startsAt).toBe(`${tomorrow()}T15:00:00+08:00`)

    const list = activityListSchema.parse((await t.app.inject({ url: `/api/facilities/${JIAYUAN}/activities?function=culture` })).json())
    expect(list.activities.map((a) => a.id)).toContain(activity.id)
    const rule = await db().selectFrom('booking_rules').selectAll().where('facility_id', '=', JIAYUAN).where('function_code', '=', 'activity').executeTakeFirst()
    expect(rule).toMatchObject({ max_units: 1, cutoff_minutes: 60 })
    // Two classes may share an afternoon: an activity's days are apart from a service's one session a day.
    const second = await published({ title: '成人合唱团', minAge: null, maxAge: null })
    expect(second.sessions[0].date).toBe(tomorrow())
  })

  it('answers a retry of a publication with the activity published a moment ago, not a second one', async () => {
    const payload = calligraphy({ title: '围棋兴趣班' })
    const first = await publish(payload)
    expect(first.statusCode).toBe(201)
    const before = await counts()
    const retry = await publish(payload)
    expect(retry.statusCode).toBe(200)
    expect(staffActivitySchema.parse(retry.json()).id).toBe(first.json().id)
    expect(await counts()).toEqual(before)
    // Another time the same days is another class.
    expect((await publish({ ...payload, starts: '17:00', ends: '18:00' })).statusCode).toBe(201)
  })

  it('books 养老服务 activities by the activities’ rule, not the day places’ (booked by the evening before)', async () => {
    const hongqi = await staffLogin(t, 'activity-hongqi-operator', 'operator', 'yl-hongqi-operator')
    t.clock.set(shanghaiInstant(t.clock.today(), '20:00'))
    const res = await publish(
      { function: 'elderly_care', title: '重阳节茶话会', dates: [tomorrow()], starts: '09:30', ends: '11:00', places: 30, minAge: 60 },
      hongqi,
      'yl-hongqi',
    )
    expect(res.statusCode).toBe(201)
    const talk = staffActivitySchema.parse(res.json())
    expect(talk.sessions[0]).toMatchObject({ bookable: true })
    const { headers } = await family()
    const grandma = await addMember(t.app, headers, { name: '赵淑芬', relation: '母亲', birthDate: '1948-09-09' })
    const booked = await postBooking(t.app, headers, { sessionId: talk.sessions[0].id, memberId: grandma.id })
    expect(booked.statusCode).toBe(201)
    // The day places keep theirs: tomorrow's is past its cut-off at 20:00.
    const days = await t.app.inject({ url: `/api/facilities/yl-hongqi/sessions?function=elderly_care&date=${tomorrow()}` })
    const places = sessionListSchema.parse(days.json()).sessions
    expect(places.every((s) => s.part !== 'activity')).toBe(true)
  })

  it('refuses bad input with the field and a Chinese reason, and writes nothing', async () => {
    const before = await counts()
    const cases: [object, string][] = [
      [{ title: '' }, 'title'],
      [{ dates: [] }, 'dates'],
      [{ dates: [addDays(t.clock.today(), -1)] }, 'dates'],
      [{ dates: [addDays(t.clock.today(), 200)] }, 'dates'],
      [{ dates: [tomorrow(), tomorrow()] }, 'dates'],
      [{ dates: ['2026-02-30'] }, 'dates.0'],
      [{ starts: '16:00', ends: '15:00' }, 'ends'],
      [{ starts: '25:00' }, 'starts'],
      [{ places: 0 }, 'places'],
      [{ priceFen: -1 }, 'priceFen'],
      [{ minAge: 12, maxAge: 6 }, 'maxAge'],
      [{ function: 'meal' }, 'function'],
      // 佳苑 offers no 体育健身.
      [{ function: 'fitness' }, 'function'],
    ]
    for (const [fields, field] of cases) {
      const res = await publish(calligraphy(fields))
      expect([res.statusCode, errorOf(res.body).field]).toEqual([400, field])
      expect(errorOf(res.body).message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await counts()).toEqual(before)
  })

  it('lets only the facility’s operator publish or withdraw', async () => {
    const { headers } = await family()
    expect((await publish(calligraphy(), headers)).statusCode).toBe(403)
    const street = await staffLogin(t, 'activity-street', 'street', 'yl-xinhualu')
    expect((await publish(calligraphy(), street)).statusCode).toBe(403)
    const other = await staffLogin(t, 'activity-other-operator', 'operator', 'yl-hongqi-operator')
    expect((await publish(calligraphy(), other)).statusCode).toBe(403)
  })

  it('signs a child up once, for the ages it takes, with the booking’s code, and refuses the same child twice', async () => {
    const activity = await published()
    const day = activity.sessions[0]
    const { headers, child } = await family()
    const res = await postBooking(t.app, headers, { sessionId: day.id, memberId: child.id })
    expect(res.statusCode).toBe(201)
    const booking = bookingSchema.parse(res.json())
    expect(booking).toMatchObject({ function: 'culture', part: 'activity', service: `文化休闲 · ${activity.title}`, beneficiaryName: child.name, quote: { payableFen: 0 } })
    expect(booking.hours).toEqual({ from: '15:00', to: '16:30' })
    expect(booking.code).toMatch(/\d/)
    const again = await postBooking(t.app, headers, { sessionId: day.id, memberId: child.id })
    expect([again.statusCode, errorOf(again.body).code]).toEqual([409, 'already_booked'])
    // The other day of the class is another place, and another class the same afternoon is too.
    expect((await postBooking(t.app, headers, { sessionId: activity.sessions[1].id, memberId: child.id })).statusCode).toBe(201)

    const grandma = await addMember(t.app, headers, { name: '王秀兰', relation: '母亲', birthDate: '1950-05-01' })
    const old = await postBooking(t.app, headers, { sessionId: day.id, memberId: grandma.id })
    expect([old.statusCode, errorOf(old.body).field]).toEqual([400, 'memberId'])
    expect(errorOf(old.body).message).toContain('6–12 岁')
    const self = await postBooking(t.app, headers, { sessionId: day.id })
    expect([self.statusCode, errorOf(self.body).field]).toEqual([400, 'memberId'])
    const two = await postBooking(t.app, headers, { sessionId: day.id, memberId: child.id, quantity: 2 })
    expect(two.statusCode).toBe(400)
    const sister = await addMember(t.app, headers, { name: '小红', relation: '女儿', birthDate: `${Number(t.clock.today().slice(0, 4)) - 9}-06-01`, childConsentVersion: CHILD_CONSENT.version })
    const run = await postBooking(t.app, headers, { sessionId: day.id, memberId: sister.id, throughDate: activity.sessions[1].date })
    expect([run.statusCode, errorOf(run.body).field]).toEqual([400, 'throughDate'])
    const row = await db().selectFrom('sessions').select('booked').where('id', '=', day.id).executeTakeFirstOrThrow()
    expect(row.booked).toBe(1)
  })

  it('gives the last places to as many as there are when families race, and the rest may wait', async () => {
    const activity = await published({ places: 3, minAge: null, maxAge: null, title: '太极拳体验课' })
    const day = activity.sessions[0]
    const racers = await Promise.all(Array.from({ length: 8 }, () => family()))
    const answers = await Promise.all(racers.map(({ headers }) => postBooking(t.app, headers, { sessionId: day.id })))
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(3)
    expect(answers.filter((r) => r.statusCode !== 201).map((r) => errorOf(r.body).code)).toEqual(Array(5).fill('full'))
    const row = await db().selectFrom('sessions').select(['booked', 'capacity']).where('id', '=', day.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ booked: 3, capacity: 3 })
    const late = racers[answers.findIndex((r) => r.statusCode !== 201)]
    const wait = await t.app.inject({ method: 'POST', url: '/api/waitlist', headers: late.headers, payload: { sessionId: day.id } })
    expect(wait.statusCode).toBe(201)
    expect(waitlistEntrySchema.parse(wait.json()).position).toBe(1)
  })

  it('is checked in at the desk on its day, completed, rated, and counted for 文化休闲 in the evaluation’s counts', async () => {
    const activity = await published()
    const day = activity.sessions[0]
    const { headers, child } = await family()
    const booking = bookingSchema.parse((await postBooking(t.app, headers, { sessionId: day.id, memberId: child.id })).json())
    t.clock.set(shanghaiInstant(day.date, '14:55'))
    const act = (action: string) =>
      t.app.inject({ method: 'POST', url: `/api/staff/facilities/${JIAYUAN}/bookings/${booking.id}/${action}`, headers: operator })
    const found = await t.app.inject({ url: `/api/staff/facilities/${JIAYUAN}/bookings?code=${booking.code}`, headers: operator })
    expect(found.statusCode).toBe(200)
    expect((await act('check-in')).statusCode).toBe(200)
    t.clock.set(shanghaiInstant(day.date, '16:40'))
    expect((await act('complete')).statusCode).toBe(200)
    const rated = await t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/rating`, headers, payload: { level: 5, wouldUseAgain: true } })
    expect(rated.statusCode).toBe(201)
    const counted = await db()
      .selectFrom('service_day_counts')
      .selectAll()
      .where('facility_id', '=', JIAYUAN)
      .where('function_code', '=', 'culture')
      .where('day', '=', day.date)
      .executeTakeFirstOrThrow()
    expect(counted).toMatchObject({ completed: 1, ratings: 1, satisfied: 1 })
    // The district's evaluation of the month ranks 文化休闲 like any service, from the same counts.
    const district = await staffLogin(t, 'activity-district', 'district', 'xa-yanliang')
    const evaluation = evaluationResponseSchema.parse(
      (await t.app.inject({ url: `/api/evaluation?period=${day.date.slice(0, 7)}&function=culture`, headers: district })).json(),
    )
    expect(evaluation.rows.find((r) => r.facilityId === JIAYUAN)).toMatchObject({ function: 'culture', completed: 1, ratings: 1 })
  })

  it('withdraws a class: its coming days take no one, everyone signed up is cancelled and told why', async () => {
    const activity = await published({ title: '剪纸兴趣课' })
    const { headers, child } = await family()
    const booking = bookingSchema.parse((await postBooking(t.app, headers, { sessionId: activity.sessions[0].id, memberId: child.id })).json())
    const withdraw = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/staff/facilities/${JIAYUAN}/activities/${activity.id}/withdraw`, headers: operator, payload })
    expect((await withdraw({ reason: '' })).statusCode).toBe(400)
    const res = await withdraw({ reason: '老师生病' })
    expect(res.json()).toEqual({ cancelled: 1 })
    expect(errorOf((await withdraw({ reason: '老师生病' })).body).code).toBe('not_applicable')

    const seen = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers })).json())
    expect(seen.status).toBe('cancelled')
    expect(seen.history.at(-1)?.reason).toContain('老师生病')
    const notice = await db().selectFrom('notices').select('body').where('booking_id', '=', booking.id).where('kind', '=', 'cancelled_by_facility').executeTakeFirst()
    expect(notice?.body).toContain('老师生病')
    const list = activityListSchema.parse((await t.app.inject({ url: `/api/facilities/${JIAYUAN}/activities` })).json())
    expect(list.activities.map((a) => a.id)).not.toContain(activity.id)
    const late = await postBooking(t.app, headers, { sessionId: activity.sessions[1].id, memberId: child.id })
    expect(errorOf(late.body).code).toBe('closed')
    const staffView = staffActivitySchema.array().parse(
      (await t.app.inject({ url: `/api/staff/facilities/${JIAYUAN}/activities`, headers: operator })).json().activities,
    )
    expect(staffView.find((a) => a.id === activity.id)?.withdrawn).toBe(true)
  })

  it('has the sample district’s classes and talks to sign up for, published as an operator’s are', async () => {
    const list = activityListSchema.parse((await t.app.inject({ url: '/api/facilities/yl-renmin-donglu/activities?function=health' })).json())
    const talk = list.activities.find((a) => a.title.startsWith('健康讲座'))
    expect(talk).toMatchObject({ minAge: 60, maxAge: null, priceFen: 0 })
    expect(talk?.sessions).toHaveLength(12)
  })

  it('reads the activities of an unknown facility as not found, and a bad function as 400', async () => {
    expect((await t.app.inject({ url: '/api/facilities/nowhere/activities' })).statusCode).toBe(404)
    const bad = await t.app.inject({ url: `/api/facilities/${JIAYUAN}/activities?function=meal` })
    expect([bad.statusCode, errorOf(bad.body).field]).toEqual([400, 'function'])
  })
})
