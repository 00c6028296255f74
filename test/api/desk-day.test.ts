import { deskBookingSchema, noticeListSchema } from '@shared/index'
import { grantStaff } from '../../server/staff/staff-grants'
import { dayAndClock, dayName, shanghaiInstant, toShanghaiIso } from '../../server/time/shanghai'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, book, mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

type Headers = { authorization: string }
const HONGQI = 'yl-hongqi'

// 王师傅 at 红旗社区's counter: the service day decides what the desk may do, and a mistake is undone on the day.
describe.each(DATABASES)('the desk on the service day, on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  let desk: Headers
  let street: Headers
  let families = 0

  beforeAll(async () => {
    desk = await devLogin(t.app, 'wang-shifu')
    await grantStaff(db(), { user: 'dev:wang-shifu', scopeKind: 'operator', scopeId: 'yl-hongqi-operator', grantedBy: 'test' }, t.clock.now())
    street = await devLogin(t.app, 'street-clerk')
    await grantStaff(db(), { user: 'dev:street-clerk', scopeKind: 'street', scopeId: 'yl-xinhualu', grantedBy: 'test' }, t.clock.now())
  })
  afterEach(() => t.clock.reset())

  const standAt = (date: string, clock: string) => t.clock.set(shanghaiInstant(date, clock))
  const act = (bookingId: string, action: string, headers = desk) =>
    t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${bookingId}/${action}`, headers })
  const undo = (bookingId: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${bookingId}/undo`, headers: desk, payload })

  /** A family and a dinner booked `days` from today for its grandmother. */
  async function dinnerIn(days: number, family?: { headers: Headers; memberId: string }) {
    const who = family ?? (await (async () => {
      const headers = await devLogin(t.app, `desk-day-family-${++families}`)
      return { headers, memberId: (await addMember(t.app, headers, { name: '张桂兰', birthDate: '1944-03-02' })).id }
    })())
    const dinner = await mealSession(t.app, { facilityId: HONGQI, date: t.clock.today(days), part: 'dinner' })
    const booking = await book(t.app, who.headers, mealOrder(dinner, { memberId: who.memberId }))
    return { ...who, booking, day: dinner.date }
  }

  /** What a refused desk action must leave untouched. */
  async function trace(bookingId: string, memberId: string) {
    const booking = await db().selectFrom('bookings').select(['status', 'paid_fen']).where('id', '=', bookingId).executeTakeFirstOrThrow()
    const events = await db().selectFrom('booking_events').select('id').where('booking_id', '=', bookingId).execute()
    const suspensions = await db().selectFrom('suspensions').select('id').where('beneficiary', '=', `member:${memberId}`).execute()
    return { ...booking, events: events.length, suspensions: suspensions.length }
  }

  const eventsOf = (bookingId: string) =>
    db().selectFrom('booking_events').selectAll().where('booking_id', '=', bookingId).orderBy('at').orderBy('id').execute()

  describe('checking in, completing and no-shows', () => {
    it('refuses tomorrow’s dinner today, naming its day, and changes nothing', async () => {
      const { booking, memberId, day } = await dinnerIn(1)
      const before = await trace(booking.id, memberId)
      for (const action of ['check-in', 'complete']) {
        const res = await act(booking.id, action)
        expect(res.statusCode).toBe(409)
        expect(errorOf(res.body)).toMatchObject({ code: 'not_service_day', message: `这笔预约是 ${dayName(day)} 晚餐，只能在当天核销` })
      }
      const noShow = await act(booking.id, 'no-show')
      expect(noShow.statusCode).toBe(409)
      expect(errorOf(noShow.body)).toMatchObject({ code: 'service_not_started', message: `这笔预约是 ${dayName(day)} 晚餐，晚餐 17:30 开始后才能登记未到场` })
      expect(await trace(booking.id, memberId)).toEqual(before)
    })

    it('offers the desk only what it may do now, and says why not (tomorrow’s dinner; before the start)', async () => {
      const { booking, day } = await dinnerIn(1)
      const lookUp = async () =>
        deskBookingSchema.parse((await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/bookings?code=${booking.code}`, headers: desk })).json())
      const today = await lookUp()
      expect(today).toMatchObject({ service: '晚餐', allowed: { checkIn: false, complete: false, noShow: false } })
      expect(today.notNow).toBe(`这笔预约是 ${dayName(day)} 晚餐，只能在当天核销`)
      standAt(day, '16:00')
      const before = await lookUp()
      expect(before).toMatchObject({ allowed: { checkIn: true, complete: false, noShow: false }, notNow: '晚餐 17:30 开始后才能登记未到场' })
      await act(booking.id, 'check-in')
      // Checked in before dinner: not yet complete (not at 16:00 for a 17:30 dinner), not yet a no-show.
      const complete = await act(booking.id, 'complete')
      expect(errorOf(complete.body)).toMatchObject({ code: 'service_not_started', message: '晚餐 17:30 开始后才能登记服务完成' })
      standAt(day, '18:40')
      expect(await lookUp()).toMatchObject({ allowed: { checkIn: false, complete: true, noShow: true }, notNow: null })
    })

    it('checks in and completes on the day; marks a no-show only after the start', async () => {
      const served = await dinnerIn(1)
      const missed = await dinnerIn(1)
      standAt(served.day, '17:10')
      expect(deskBookingSchema.parse((await act(served.booking.id, 'check-in')).json()).entry.status).toBe('checked_in')
      const early = await act(missed.booking.id, 'no-show')
      expect(early.statusCode).toBe(409)
      expect(errorOf(early.body)).toMatchObject({ code: 'service_not_started', message: '晚餐 17:30 开始后才能登记未到场' })
      expect(await trace(missed.booking.id, missed.memberId)).toMatchObject({ status: 'booked', events: 1, suspensions: 0 })

      standAt(served.day, '18:40')
      expect(deskBookingSchema.parse((await act(served.booking.id, 'complete')).json()).entry.status).toBe('completed')
      const noShow = deskBookingSchema.parse((await act(missed.booking.id, 'no-show')).json())
      expect(noShow.entry.status).toBe('no_show')
      expect(noShow.undoable).toBe(true)
    })

    it('suspends after three no-shows and tells the resident why, until when and whom to call, in the app and by WeChat', async () => {
      await db().updateTable('facilities').set({ phone: '029-86161234' }).where('id', '=', HONGQI).execute()
      const first = await dinnerIn(1)
      const rest = [await dinnerIn(2, first), await dinnerIn(3, first)]
      for (const { booking, day } of [first, ...rest]) {
        standAt(day, '19:00')
        expect((await act(booking.id, 'no-show')).statusCode).toBe(200)
      }
      const [suspension] = await db().selectFrom('suspensions').selectAll().where('beneficiary', '=', `member:${first.memberId}`).execute()
      expect(suspension).toMatchObject({ reason: '30 天内 3 次预约未到场', lifted_at: null })
      const booker = await db().selectFrom('users').select('id').where('openid', '=', `dev:desk-day-family-${families}`).executeTakeFirstOrThrow()
      const notices = await db().selectFrom('notices').selectAll().where('user_id', '=', booker.id).where('kind', '=', 'booking_suspended').execute()
      expect(notices).toHaveLength(1)
      const [notice] = notices
      expect(notice.title).toBe('暂停预约通知')
      expect(notice.body).toContain('张桂兰')
      expect(notice.body).toContain('30 天内 3 次')
      expect(notice.body).toContain(`${dayAndClock(suspension.ends_at)} 前暂停预约社区助餐`)
      expect(notice.body).toContain('红旗社区嵌入式服务设施')
      expect(notice.body).toContain('029-86161234')
      expect(notice.booking_id).toBe(rest[1].booking.id)
      expect(JSON.parse(notice.fields)).toMatchObject({ time2: clockText(suspension.ends_at), character_string3: rest[1].booking.code })
      const list = noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: first.headers })).json())
      expect(list.notices[0]).toMatchObject({ kind: 'booking_suspended', title: '暂停预约通知' })
    })

    it('says to call the facility’s staff when the facility has no phone', async () => {
      await db().updateTable('facilities').set({ phone: null }).where('id', '=', HONGQI).execute()
      const first = await dinnerIn(1)
      const rest = [await dinnerIn(2, first), await dinnerIn(3, first)]
      for (const { booking, day } of [first, ...rest]) {
        standAt(day, '19:00')
        await act(booking.id, 'no-show')
      }
      const [notice] = await db().selectFrom('notices').selectAll().where('booking_id', '=', rest[1].booking.id).where('kind', '=', 'booking_suspended').execute()
      expect(notice.body).toContain('请联系设施工作人员')
    })
  })

  describe('undoing a mistake on the day', () => {
    it('takes a no-show back to what it was, keeps both in the history, and lifts the suspension it caused', async () => {
      const first = await dinnerIn(1)
      const rest = [await dinnerIn(2, first), await dinnerIn(3, first)]
      for (const { booking, day } of [first, ...rest]) {
        standAt(day, '19:00')
        await act(booking.id, 'no-show')
      }
      const wrong = rest[1].booking
      standAt(rest[1].day, '19:20')
      const res = await undo(wrong.id, { reason: '老人其实来过，记错了人' })
      expect(res.statusCode).toBe(200)
      const after = deskBookingSchema.parse(res.json())
      expect(after.entry.status).toBe('booked')
      expect(after.undoable).toBe(false)

      const events = await eventsOf(wrong.id)
      expect(events.map((e) => `${e.from_status}→${e.to_status}`)).toEqual(['null→booked', 'booked→no_show', 'no_show→booked'])
      const staffId = (await t.app.inject({ url: '/api/me', headers: desk })).json().user.id
      expect(events[2]).toMatchObject({ actor_user_id: staffId, undoes_event_id: events[1].id })
      expect(events[2].reason).toContain('撤销')
      expect(events[2].reason).toContain('老人其实来过，记错了人')

      const [suspension] = await db().selectFrom('suspensions').selectAll().where('beneficiary', '=', `member:${first.memberId}`).execute()
      expect(suspension.lifted_at).toBe(t.clock.now().toISOString())
      expect(suspension.lifted_by).toBe(staffId)
      const lifted = await db().selectFrom('notices').selectAll().where('booking_id', '=', wrong.id).where('kind', '=', 'suspension_lifted').execute()
      expect(lifted).toHaveLength(1)
      expect(lifted[0].body).toContain('张桂兰')
      expect(lifted[0].body).toContain('已恢复')
      // She can book again.
      const next = await postBooking(t.app, first.headers, mealOrder(await mealSession(t.app, { facilityId: HONGQI }), { memberId: first.memberId }))
      expect(next.statusCode).toBe(201)
    })

    it('takes a no-show of a checked-in booking back to checked in', async () => {
      const { booking, day } = await dinnerIn(1)
      standAt(day, '17:20')
      await act(booking.id, 'check-in')
      standAt(day, '18:00')
      // (Only the API allows it: the 核销 page offers 未到场 before check-in.)
      expect((await act(booking.id, 'no-show')).statusCode).toBe(200)
      expect(deskBookingSchema.parse((await undo(booking.id)).json()).entry.status).toBe('checked_in')
    })

    it('takes a completion back to checked in, and it can be completed again', async () => {
      const { booking, day } = await dinnerIn(1)
      standAt(day, '17:20')
      await act(booking.id, 'check-in')
      standAt(day, '18:30')
      expect(deskBookingSchema.parse((await act(booking.id, 'complete')).json()).undoable).toBe(true)
      t.clock.advance(60_000)
      const undone = await undo(booking.id)
      expect(undone.statusCode).toBe(200)
      expect(deskBookingSchema.parse(undone.json()).entry.status).toBe('checked_in')
      t.clock.advance(60_000)
      const again = deskBookingSchema.parse((await act(booking.id, 'complete')).json())
      expect(again.entry.status).toBe('completed')
      expect(again.undoable).toBe(true)
      const events = await eventsOf(booking.id)
      expect(events.map((e) => e.to_status)).toEqual(['booked', 'checked_in', 'completed', 'checked_in', 'completed'])
      const row = await db().selectFrom('bookings').select(['paid_fen', 'payable_fen']).where('id', '=', booking.id).executeTakeFirstOrThrow()
      expect(row.paid_fen).toBe(row.payable_fen)
    })

    it('refuses the next day, and when there is nothing to undo', async () => {
      const { booking, day, memberId } = await dinnerIn(1)
      expect(errorOf((await undo(booking.id)).body).code).toBe('nothing_to_undo')
      standAt(day, '19:00')
      await act(booking.id, 'no-show')
      const before = await trace(booking.id, memberId)
      t.clock.advance(14 * 3_600_000) // 09:00 the next morning
      const res = await undo(booking.id)
      expect(res.statusCode).toBe(409)
      expect(errorOf(res.body)).toMatchObject({ code: 'not_service_day', message: `这笔预约是 ${dayName(day)} 晚餐，只能在当天撤销登记` })
      expect(await trace(booking.id, memberId)).toEqual(before)
      const found = await t.app.inject({ url: `/api/staff/facilities/${HONGQI}/bookings?code=${booking.code}`, headers: desk })
      expect(deskBookingSchema.parse(found.json()).undoable).toBe(false)
    })

    it('is for the facility’s own operator only', async () => {
      const { booking, day } = await dinnerIn(1)
      standAt(day, '19:00')
      await act(booking.id, 'no-show')
      const res = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/bookings/${booking.id}/undo`, headers: street, payload: {} })
      expect(res.statusCode).toBe(403)
    })
  })

  describe('reopening a closed day', () => {
    const close = (date: string, headers = desk) =>
      t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/close`, headers, payload: { function: 'meal', date, reason: '停水' } })
    const reopen = (date: string, headers = desk) =>
      t.app.inject({ method: 'POST', url: `/api/staff/facilities/${HONGQI}/reopen`, headers, payload: { function: 'meal', date } })

    it('reopens the sessions, not the bookings cancelled, and says how many those were', async () => {
      const { booking, headers, memberId, day } = await dinnerIn(4)
      const bookedThatDay = await db().selectFrom('bookings').select('id').where('facility_id', '=', HONGQI).where('service_date', '=', day).where('status', '=', 'booked').execute()
      expect((await close(day)).json()).toEqual({ closedSessions: 2, cancelledBookings: bookedThatDay.length, refunds: 0, alreadyStarted: [] })
      expect((await reopen(day, street)).statusCode).toBe(403)
      const res = await reopen(day)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ reopenedSessions: 2, cancelledBookings: bookedThatDay.length })
      const sessions = await db().selectFrom('sessions').select(['open', 'closed_reason']).where('facility_id', '=', HONGQI).where('function_code', '=', 'meal').where('date', '=', day).execute()
      expect(sessions).toEqual([
        { open: 1, closed_reason: null },
        { open: 1, closed_reason: null },
      ])
      expect((await db().selectFrom('bookings').select('status').where('id', '=', booking.id).executeTakeFirstOrThrow()).status).toBe('cancelled')
      const dinner = await mealSession(t.app, { facilityId: HONGQI, date: day, part: 'dinner' })
      expect((await postBooking(t.app, headers, mealOrder(dinner, { memberId }))).statusCode).toBe(201)

      const again = await reopen(day)
      expect(again.statusCode).toBe(409)
      expect(errorOf(again.body).code).toBe('not_closed')
    })

    it('closes what is still to come of today: lunch served stays, dinner closes, a dinner paid ahead is cancelled for a refund', async () => {
      const { booking: paid, day } = await dinnerIn(1)
      const { booking: unpaid, headers, memberId } = await dinnerIn(1)
      const lunch = await mealSession(t.app, { facilityId: HONGQI, date: day, part: 'lunch' })
      const lunchBooking = await book(t.app, headers, mealOrder(lunch, { memberId }))
      standAt(day, '12:30')
      expect((await act(paid.id, 'check-in')).statusCode).toBe(200)
      // Other tests booked tomorrow's dinner too: count what is to be served of it now.
      const toServe = await db().selectFrom('bookings').select('status').where('session_id', '=', paid.sessionId).where('status', 'in', ['booked', 'checked_in']).execute()
      const res = await close(day)
      expect(res.json()).toEqual({
        closedSessions: 1,
        cancelledBookings: toServe.length,
        refunds: toServe.filter((b) => b.status === 'checked_in').length,
        alreadyStarted: ['午餐'],
      })
      expect(toServe.filter((b) => b.status === 'checked_in').length).toBeGreaterThanOrEqual(1)
      const sessions = await db().selectFrom('sessions').select(['part', 'open']).where('facility_id', '=', HONGQI).where('function_code', '=', 'meal').where('date', '=', day).orderBy('part').execute()
      expect(sessions).toEqual([
        { part: 'dinner', open: 0 },
        { part: 'lunch', open: 1 },
      ])
      const statuses = await db().selectFrom('bookings').select(['id', 'status']).where('id', 'in', [paid.id, unpaid.id, lunchBooking.id]).execute()
      expect(Object.fromEntries(statuses.map((b) => [b.id, b.status]))).toEqual({ [paid.id]: 'cancelled', [unpaid.id]: 'cancelled', [lunchBooking.id]: 'booked' })
      const told = await db().selectFrom('notices').select('body').where('booking_id', '=', paid.id).where('kind', '=', 'cancelled_by_facility').executeTakeFirstOrThrow()
      expect(told.body).toContain('停水，已付款项请到柜台退还')
      // Whose booking, in words: a family with several elders knows which one.
      expect(told.body).toMatch(new RegExp(`^张桂兰的红旗社区晚餐（${dayName(day)} 17:30）已被设施取消`))
      standAt(day, '18:00')
      expect(errorOf((await close(day)).body)).toMatchObject({ code: 'day_past', message: `${dayName(day)}的服务都已经开始，不能再停业` })
    })

    it('refuses a day already past', async () => {
      const day = t.clock.today(1)
      await close(day)
      standAt(day, '23:59')
      expect((await reopen(day)).statusCode).toBe(200)
      await close(day)
      t.clock.advance(60_000)
      const res = await reopen(day)
      expect(res.statusCode).toBe(409)
      expect(errorOf(res.body)).toMatchObject({ code: 'day_past', message: `${dayName(day)}已经过去，不能恢复营业` })
      // Nor is a past day closed: its bookings were served or missed.
      expect(errorOf((await close(t.clock.today(-1))).body)).toMatchObject({ code: 'day_past', message: `${dayName(t.clock.today(-1))}已经过去，不能停业` })
    })
  })
})

/** The subscribe message's time field: Shanghai 'YYYY-MM-DD HH:MM'. */
const clockText = (iso: string) => `${toShanghaiIso(iso).slice(0, 10)} ${toShanghaiIso(iso).slice(11, 16)}`
