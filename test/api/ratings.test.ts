import * as optionalScores from '../../server/db/migrations/019_optional_rating_scores'
import { bookingSchema, overdueCaseListSchema, ratingSchema, ratingSummarySchema, rectificationCaseListSchema } from '@shared/index'
import { changeBookingStatus } from '../../server/bookings/booking-lifecycle'
import { addWorkingDays } from '../../server/calendar/working-days'
import { loadCalendar } from '../../server/ratings/rating.repository'
import { rateBooking } from '../../server/ratings/rating.service'
import { grantStaff } from '../../server/staff/staff-grants'
import { addDays, shanghaiInstant } from '../../server/time/shanghai'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, book, mealOrder, mealSession } from '../support/bookings'
import { DATABASES } from '../support/databases'

type Headers = { authorization: string }
const good = { level: 5, scores: { attitude: 5, quality: 4, environment: 5, price: 4 }, wouldUseAgain: true, comment: '饭菜软烂，阿姨很耐心' }
const bad = { level: 1, scores: { attitude: 2, quality: 1, environment: 3, price: 2 }, wouldUseAgain: false, comment: '<b>菜是凉的</b>' }

describe.each(DATABASES)('好差评 on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const rate = (headers: Headers, bookingId: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/bookings/${bookingId}/rating`, headers, payload })
  let families = 0
  afterEach(() => t.clock.reset())
  const serve = async (bookingId: string) => {
    for (const to of ['checked_in', 'completed'] as const) await changeBookingStatus(db(), { bookingId, to, actorUserId: null, now: t.clock.now() })
  }
  /** Tomorrow's lunch booked; served and completed at the counter on its day, where the clock then stands. */
  const servedLunch = async (complete = true) => {
    const headers = await devLogin(t.app, `rater-${++families}`)
    const mother = await addMember(t.app, headers)
    const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan' })
    const booking = await book(t.app, headers, mealOrder(lunch, { memberId: mother.id }))
    if (complete) {
      t.clock.set(shanghaiInstant(lunch.date, '13:00'))
      await serve(booking.id)
    }
    const user = await db().selectFrom('users').selectAll().where('openid', '=', `dev:rater-${families}`).executeTakeFirstOrThrow()
    return { headers, booking, user }
  }

  it('takes one rating of a completed booking from its booker, shown on the booking and in the facility’s summary', async () => {
    const { headers, booking } = await servedLunch()
    const res = await rate(headers, booking.id, good)
    expect(res.statusCode).toBe(201)
    expect(ratingSchema.parse(res.json())).toMatchObject({ level: 5, levelName: '非常满意', wouldUseAgain: true, rectification: null })
    const again = await rate(headers, booking.id, { ...good, level: 1 })
    expect(again.statusCode).toBe(409)
    expect(errorOf(again.body).code).toBe('already_rated')
    const seen = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${booking.id}`, headers })).json())
    expect(seen.ratingLevel).toBe(5)
    const summary = ratingSummarySchema.parse((await t.app.inject({ url: '/api/facilities/yl-jiayuan/ratings' })).json())
    expect(summary).toMatchObject({ count: 1, satisfactionRate: 1, wouldUseAgainRate: 1 })
    expect(summary.dimensions.find((d) => d.code === 'quality')).toMatchObject({ name: '服务质量', mean: 4 })
    expect(JSON.stringify(summary)).not.toContain('rater')
  })

  it('takes the overall level alone: the four scores are optional, and a summary averages only those given', async () => {
    const { headers, booking } = await servedLunch()
    const res = await rate(headers, booking.id, { level: 4, wouldUseAgain: true })
    expect(res.statusCode).toBe(201)
    expect(ratingSchema.parse(res.json())).toMatchObject({
      level: 4,
      scores: { attitude: null, quality: null, environment: null, price: null },
      comment: null,
    })
    const row = await db().selectFrom('ratings').selectAll().where('booking_id', '=', booking.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ level: 4, attitude: null, quality: null, environment: null, price: null })

    const partly = await servedLunch()
    expect((await rate(partly.headers, partly.booking.id, { level: 5, scores: { quality: 2 }, wouldUseAgain: true })).statusCode).toBe(201)
    const summary = ratingSummarySchema.parse((await t.app.inject({ url: '/api/facilities/yl-jiayuan/ratings' })).json())
    // quality: 4 (the first test's) and 2, over the two who scored it; nobody's level-only rating counts as a 0.
    expect(summary.dimensions.find((d) => d.code === 'quality')).toMatchObject({ mean: 3 })
    expect(summary.dimensions.find((d) => d.code === 'attitude')).toMatchObject({ mean: 5 })
  })

  it('keeps every rating and its rectification case through migration 019 (SQLite rebuilds the table)', async () => {
    const { headers, booking } = await servedLunch()
    expect((await rate(headers, booking.id, bad)).statusCode).toBe(201)
    const before = {
      ratings: await db().selectFrom('ratings').selectAll().orderBy('id').execute(),
      cases: await db().selectFrom('rectification_cases').selectAll().orderBy('id').execute(),
    }
    expect(before.cases.length).toBeGreaterThan(0)
    await db().transaction().execute((trx) => optionalScores.up(trx as never))
    expect(await db().selectFrom('ratings').selectAll().orderBy('id').execute()).toEqual(before.ratings)
    expect(await db().selectFrom('rectification_cases').selectAll().orderBy('id').execute()).toEqual(before.cases)
    // The cases still follow their rating.
    await db().deleteFrom('ratings').where('booking_id', '=', booking.id).execute()
    expect(await db().selectFrom('rectification_cases').select('id').where('rating_id', '=', before.ratings.find((r) => r.booking_id === booking.id)!.id).execute()).toEqual([])
  })

  it('refuses a booking not yet completed, another family’s booking, and bad input, storing nothing', async () => {
    const { headers, booking } = await servedLunch(false)
    const early = await rate(headers, booking.id, good)
    expect(early.statusCode).toBe(409)
    expect(errorOf(early.body)).toMatchObject({ code: 'not_rateable', message: '服务完成后才能评价' })

    const served = await servedLunch()
    expect((await rate(headers, served.booking.id, good)).statusCode).toBe(404)
    for (const [payload, field] of [
      [{ ...good, level: 6 }, 'level'],
      [{ ...good, scores: { attitude: 5, quality: 6 } }, 'scores.quality'],
      [{ ...good, comment: '好'.repeat(201) }, 'comment'],
      [{ ...good, wouldUseAgain: 'yes' }, 'wouldUseAgain'],
    ] as const) {
      const res = await rate(served.headers, served.booking.id, payload)
      expect(res.statusCode).toBe(400)
      expect(errorOf(res.body).field).toBe(field)
    }
    expect(await db().selectFrom('ratings').select('id').where('booking_id', '=', served.booking.id).execute()).toEqual([])
  })

  it('refuses a booking recorded as completed before its day (old data), even once the day has come', async () => {
    const { headers, booking } = await servedLunch(false)
    await serve(booking.id)
    const early = await rate(headers, booking.id, good)
    expect(early.statusCode).toBe(409)
    expect(errorOf(early.body)).toMatchObject({ code: 'not_rateable' })
    expect(errorOf(early.body).message).toContain('服务日之前')
    t.clock.set(shanghaiInstant(booking.date, '13:00'))
    expect((await rate(headers, booking.id, good)).statusCode).toBe(409)
    expect(await db().selectFrom('ratings').select('id').where('booking_id', '=', booking.id).execute()).toEqual([])
  })

  it('opens a rectification case for a 差评, due 15 working days later, and keeps the comment as typed', async () => {
    const { headers, booking } = await servedLunch()
    const res = await rate(headers, booking.id, bad)
    expect(res.statusCode).toBe(201)
    const rating = ratingSchema.parse(res.json())
    expect(rating.comment).toBe('<b>菜是凉的</b>')
    const today = t.clock.today()
    expect(rating.rectification).toEqual({ status: 'open', dueDate: addWorkingDays(today, 15, await loadCalendar(db())), answer: null })
    // 15 working days are never fewer than 15 calendar days, whatever 调休 does.
    expect(rating.rectification && rating.rectification.dueDate >= addDays(today, 15)).toBe(true)
    const cases = await db().selectFrom('rectification_cases').selectAll().where('rating_id', '=', rating.id).execute()
    expect(cases).toHaveLength(1)
  })

  it('closes rating 30 days after the service day', async () => {
    const { booking, user } = await servedLunch()
    const at = (days: number) => shanghaiInstant(addDays(booking.date, days), '20:00')
    await expect(rateBooking(db(), user, booking.id, good, at(31))).rejects.toMatchObject({ code: 'rating_window_closed' })
    await expect(rateBooking(db(), user, booking.id, good, at(30))).resolves.toMatchObject({ level: 5 })
  })

  it('has the operator call back and answer a 差评 without learning who rated; the resident accepts; overdue cases reach the district', async () => {
    const { headers, booking } = await servedLunch()
    const rating = ratingSchema.parse((await rate(headers, booking.id, bad)).json())
    const operator = await devLogin(t.app, 'jiayuan-manager')
    await grantStaff(db(), { user: 'dev:jiayuan-manager', scopeKind: 'operator', scopeId: 'yl-jiayuan-operator', grantedBy: 'test' }, t.clock.now())
    const other = await devLogin(t.app, 'hongqi-manager')
    await grantStaff(db(), { user: 'dev:hongqi-manager', scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, t.clock.now())
    expect((await t.app.inject({ url: '/api/staff/facilities/yl-jiayuan/cases', headers: other })).statusCode).toBe(403)

    const listed = await t.app.inject({ url: '/api/staff/facilities/yl-jiayuan/cases', headers: operator })
    const caseId = (await db().selectFrom('rectification_cases').select('id').where('rating_id', '=', rating.id).executeTakeFirstOrThrow()).id
    const mine = rectificationCaseListSchema.parse(listed.json()).cases.find((c) => c.id === caseId)
    expect(mine).toMatchObject({ service: '社区助餐 · 午餐', levelName: '非常不满意', comment: '<b>菜是凉的</b>', overdue: false })
    // Nothing that leads to the rater: no name, and no booking code (the desk's 核销 shows the name behind a code).
    expect(listed.body).not.toContain('王秀英')
    expect(listed.body).not.toContain('rater')
    expect(listed.body).not.toContain(booking.code)
    expect(listed.body).not.toContain(booking.id)

    const url = `/api/staff/facilities/yl-jiayuan/cases/${mine?.id}/answer`
    const tooShort = await t.app.inject({ method: 'POST', url, headers: operator, payload: { callbackNote: '好', rectification: '已整改' } })
    expect(errorOf(tooShort.body)).toMatchObject({ code: 'invalid_input', field: 'callbackNote' })
    const answered = await t.app.inject({
      method: 'POST', url, headers: operator,
      payload: { callbackNote: '已电话回访，老人说菜凉了', rectification: '午餐改用保温餐车，出餐后十分钟内送到' },
    })
    expect(answered.statusCode).toBe(200)
    expect((await t.app.inject({ method: 'POST', url, headers: operator, payload: { callbackNote: '再次回访', rectification: '再次整改' } })).statusCode).toBe(409)
    const seen = ratingSchema.parse((await t.app.inject({ url: `/api/bookings/${booking.id}/rating`, headers })).json())
    expect(seen.rectification).toMatchObject({ status: 'answered', answer: '午餐改用保温餐车，出餐后十分钟内送到' })
    const notice = await db().selectFrom('notices').select('kind').where('booking_id', '=', booking.id).where('kind', '=', 'rectification_answered').execute()
    expect(notice).toHaveLength(1)

    const verdict = (accept: boolean) => t.app.inject({ method: 'POST', url: `/api/bookings/${booking.id}/rating/verdict`, headers, payload: { accept } })
    expect((await verdict(true)).json()).toEqual({ accepted: true })
    expect((await verdict(false)).statusCode).toBe(409)
    expect((await t.app.inject({ url: `/api/bookings/${booking.id}/rating`, headers })).json().rectification.status).toBe('accepted')

    // Another 差评 left unanswered past its deadline is flagged to the district.
    const late = await servedLunch()
    const lateRating = ratingSchema.parse((await rate(late.headers, late.booking.id, bad)).json())
    await db().updateTable('rectification_cases').set({ due_date: t.clock.today(-3) }).where('rating_id', '=', lateRating.id).execute()
    const district = await devLogin(t.app, 'ratings-district')
    await grantStaff(db(), { user: 'dev:ratings-district', scopeKind: 'district', scopeId: 'xa-yanliang', grantedBy: 'test' }, t.clock.now())
    const overdue = overdueCaseListSchema.parse((await t.app.inject({ url: '/api/evaluation/cases/overdue', headers: district })).json()).cases
    expect(overdue).toEqual([expect.objectContaining({ facilityId: 'yl-jiayuan', daysOverdue: 3, levelName: '非常不满意' })])
    expect(rating.id).not.toBe(lateRating.id)
  })
})
