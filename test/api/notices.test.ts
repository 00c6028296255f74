import { loginResultSchema, noticeListSchema } from '@shared/index'
import { loadConfig } from '../../server/config'
import { senderSettings } from '../../server/notices/notice-runner'
import { deliverDue, type SenderSettings } from '../../server/notices/notice-sender'
import { AccessTokens } from '../../server/notices/wechat-access-token'
import { grantStaff } from '../../server/staff/staff-grants'
import { shanghaiInstant } from '../../server/time/shanghai'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { book, mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat'

describe.each(DATABASES)('notices on %s', (database) => {
  let t: TestApp
  let wechat: FakeWechat
  beforeAll(async () => {
    wechat = await startFakeWechat()
    t = await createTestApp(database, { WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wx-app', WECHAT_SECRET: 's' })
  })
  afterAll(async () => {
    await t.close()
    await wechat.close()
  })
  afterEach(() => {
    t.clock.reset()
    wechat.script.length = 0
  })

  const db = () => t.store.db.kysely
  const wechatUser = async (openid: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `ok-${openid}` } })
    return { authorization: `Bearer ${loginResultSchema.parse(res.json()).token}` }
  }
  const noticesOf = async (bookingId: string) =>
    db().selectFrom('notices').selectAll().where('booking_id', '=', bookingId).orderBy('deliver_after').execute()
  const settings = (): SenderSettings => ({
    wechat: { appid: 'wx-app', secret: 's', apiBase: wechat.base, timeoutMs: 1000 },
    templates: { booking_confirmed: 'tpl-booked', booking_reminder: 'tpl-remind', cancelled_by_facility: 'tpl-cancel' },
    tokens: new AccessTokens({ appid: 'wx-app', secret: 's', apiBase: wechat.base, timeoutMs: 1000 }),
    maxAttempts: 3,
    backoffMs: 60_000,
    holder: 'test-sender',
    leaseMs: 60_000,
  })

  describe('the outbox', () => {
    it('writes the confirmation and the reminder with the booking, and nothing for a refused one', async () => {
      const resident = await devLogin(t.app, 'outbox-resident')
      const lunch = await mealSession(t.app, { facilityId: 'yl-renmin-donglu' })
      const booking = await book(t.app, resident, mealOrder(lunch))
      const notices = await noticesOf(booking.id)
      expect(notices.map((n) => n.kind)).toEqual(['booking_confirmed', 'booking_reminder'])
      expect(notices[1].deliver_after).toBe(new Date(Date.parse(lunch.startsAt) - 120 * 60_000).toISOString())
      expect(JSON.parse(notices[0].fields)).toMatchObject({ character_string3: booking.code })

      await db().updateTable('sessions').set({ booked: lunch.capacity }).where('id', '=', lunch.id).execute()
      const before = (await db().selectFrom('notices').select('id').execute()).length
      expect((await postBooking(t.app, resident, mealOrder(lunch))).statusCode).toBe(409)
      expect((await db().selectFrom('notices').select('id').execute()).length).toBe(before)
    })

    it('tells the resident when the facility cancels, and drops the reminder', async () => {
      const resident = await devLogin(t.app, 'outbox-closed')
      const day = t.clock.today(4)
      const booking = await book(t.app, resident, mealOrder(await mealSession(t.app, { facilityId: 'yl-renmin-donglu', date: day })))
      const staff = await devLogin(t.app, 'outbox-staff')
      await grantStaff(db(), { user: 'dev:outbox-staff', scopeKind: 'operator', scopeId: 'yl-renmin-donglu-operator', grantedBy: 'test' }, t.clock.now())
      await t.app.inject({
        method: 'POST',
        url: '/api/staff/facilities/yl-renmin-donglu/close',
        headers: staff,
        payload: { function: 'meal', date: day, reason: '停电检修' },
      })
      const notices = await noticesOf(booking.id)
      expect(notices.map((n) => [n.kind, n.delivery])).toEqual(
        expect.arrayContaining([
          ['booking_confirmed', 'pending'],
          ['booking_reminder', 'void'],
          ['cancelled_by_facility', 'pending'],
        ]),
      )
      const list = noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: resident })).json())
      expect(list.notices[0]).toMatchObject({ kind: 'cancelled_by_facility', read: false })
      expect(list.notices[0].body).toContain('停电检修')
      expect(list.notices.some((n) => n.kind === 'booking_reminder')).toBe(false)
    })

    it('shows a reminder in the app once its time has come, and marks notices read for their owner only', async () => {
      const resident = await devLogin(t.app, 'outbox-reader')
      const day = t.clock.today(2)
      const booking = await book(t.app, resident, mealOrder(await mealSession(t.app, { facilityId: 'yl-renmin-donglu', date: day })))
      const list = async () => noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: resident })).json())
      expect((await list()).notices.map((n) => n.kind)).toEqual(['booking_confirmed'])
      t.clock.set(new Date(Date.parse(booking.startsAt) - 60 * 60_000))
      const later = await list()
      expect(later.notices.map((n) => n.kind)).toEqual(['booking_reminder', 'booking_confirmed'])
      expect(later.unread).toBe(2)

      const stranger = await devLogin(t.app, 'outbox-stranger')
      const id = later.notices[0].id
      expect((await t.app.inject({ method: 'POST', url: `/api/me/notices/${id}/read`, headers: stranger })).statusCode).toBe(404)
      expect((await t.app.inject({ method: 'POST', url: `/api/me/notices/${id}/read`, headers: resident })).statusCode).toBe(200)
      expect((await list()).unread).toBe(1)
    })
  })

  describe('the sender', () => {
    // Each test starts from an empty outbox of due notices.
    beforeEach(async () => {
      await db().updateTable('notices').set({ delivery: 'void' }).where('delivery', '=', 'pending').execute()
    })
    const confirmationOf = async (openid: string) => {
      const resident = await wechatUser(openid)
      const booking = await book(t.app, resident, mealOrder(await mealSession(t.app, { facilityId: 'yl-jiayuan' })))
      return (await noticesOf(booking.id)).find((n) => n.kind === 'booking_confirmed')!
    }
    const stateOf = async (id: string) =>
      db().selectFrom('notices').select(['delivery', 'attempts', 'last_error', 'next_attempt_at']).where('id', '=', id).executeTakeFirstOrThrow()

    it('sends a subscribe message to the booker with the template and the booking’s fields', async () => {
      const notice = await confirmationOf('sender-ok')
      const report = await deliverDue(t.store.db, settings(), t.clock.now())
      expect(report).toMatchObject({ sent: 1, dead: 0 })
      expect(await stateOf(notice.id)).toMatchObject({ delivery: 'sent', attempts: 1 })
      const { message } = wechat.sent.at(-1)!
      expect(message).toMatchObject({ touser: 'sender-ok', template_id: 'tpl-booked' })
      expect(message.page).toBe(`packages/booking/detail/index?id=${notice.booking_id}`)
      expect((message.data as Record<string, { value: string }>).character_string3.value).toMatch(/^\d{8}$/)
    })

    it('retries after a 5xx with a growing delay, and sends on the next round', async () => {
      const notice = await confirmationOf('sender-retry')
      wechat.script.push(503)
      const t0 = t.clock.now()
      expect((await deliverDue(t.store.db, settings(), t0)).retried).toBe(1)
      const waiting = await stateOf(notice.id)
      expect(waiting).toMatchObject({ delivery: 'pending', attempts: 1, last_error: 'HTTP 503' })
      expect(Date.parse(waiting.next_attempt_at)).toBe(t0.getTime() + 60_000)
      expect((await deliverDue(t.store.db, settings(), new Date(t0.getTime() + 30_000))).sent).toBe(0)
      expect((await deliverDue(t.store.db, settings(), new Date(t0.getTime() + 61_000))).sent).toBe(1)
      expect(await stateOf(notice.id)).toMatchObject({ delivery: 'sent', attempts: 2 })
    })

    it('refreshes a rejected access token and sends at once', async () => {
      const notice = await confirmationOf('sender-token')
      const sender = settings()
      await sender.tokens.get(t.clock.now())
      wechat.revokeTokens()
      const fetched = wechat.tokens.length
      expect((await deliverDue(t.store.db, sender, t.clock.now())).sent).toBe(1)
      expect(wechat.tokens.length).toBe(fetched + 1)
      expect(wechat.sent.at(-1)?.token).toBe(wechat.tokens.at(-1))
      expect(await stateOf(notice.id)).toMatchObject({ delivery: 'sent' })
    })

    it('gives up after the last attempt (dead letter), and does not retry a resident who did not subscribe', async () => {
      const failing = await confirmationOf('sender-dead')
      const sender = settings()
      let at = t.clock.now().getTime()
      for (let round = 0; round < 3; round++) {
        wechat.script.push(500)
        await deliverDue(t.store.db, sender, new Date(at))
        at += 10 * 60_000
      }
      expect(await stateOf(failing.id)).toMatchObject({ delivery: 'dead', attempts: 3, last_error: 'HTTP 500' })

      const refused = await confirmationOf('sender-unsubscribed')
      wechat.script.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
      await deliverDue(t.store.db, sender, t.clock.now())
      expect(await stateOf(refused.id)).toMatchObject({ delivery: 'skipped', attempts: 1 })
    })

    it('skips development identities and kinds without a template, keeping them in the app', async () => {
      const resident = await devLogin(t.app, 'sender-dev')
      const booking = await book(t.app, resident, mealOrder(await mealSession(t.app, { facilityId: 'yl-jiayuan' })))
      const report = await deliverDue(t.store.db, { ...settings(), templates: {} }, t.clock.now())
      expect(report.skipped).toBeGreaterThanOrEqual(1)
      const [confirmed] = await noticesOf(booking.id)
      expect(confirmed.delivery).toBe('skipped')
      const list = noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: resident })).json())
      expect(list.notices.map((n) => n.kind)).toContain('booking_confirmed')
    })

    it('sends a suspension after no-shows to the booker by WeChat, on the template for changes by the facility', async () => {
      const resident = await wechatUser('sender-suspended')
      await devLogin(t.app, 'notice-desk')
      await grantStaff(db(), { user: 'dev:notice-desk', scopeKind: 'operator', scopeId: 'yl-jiayuan-operator', grantedBy: 'test' }, t.clock.now())
      const desk = await devLogin(t.app, 'notice-desk')
      const dinners = []
      for (const days of [1, 2, 3]) {
        const dinner = await mealSession(t.app, { facilityId: 'yl-jiayuan', date: t.clock.today(days), part: 'dinner' })
        dinners.push({ date: dinner.date, booking: await book(t.app, resident, mealOrder(dinner)) })
      }
      for (const { date, booking } of dinners) {
        t.clock.set(shanghaiInstant(date, '19:00'))
        const res = await t.app.inject({ method: 'POST', url: `/api/staff/facilities/yl-jiayuan/bookings/${booking.id}/no-show`, headers: desk })
        expect(res.statusCode).toBe(200)
      }
      const config = loadConfig({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wx-app', WECHAT_SECRET: 's', WECHAT_TEMPLATE_CANCELLED: 'tpl-cancel' })
      await deliverDue(t.store.db, senderSettings(config), t.clock.now())
      const sent = wechat.sent.map((s) => s.message).find((m) => m.template_id === 'tpl-cancel')
      expect(sent).toMatchObject({ touser: 'sender-suspended', page: `packages/booking/detail/index?id=${dinners[2].booking.id}` })
      expect((sent!.data as Record<string, { value: string }>).thing1.value).toBe('暂停预约社区助餐')
      // 您: the booker booked for themself.
      const list = noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: resident })).json())
      expect(list.notices.find((n) => n.kind === 'booking_suspended')?.body).toMatch(/^您 30 天内 3 次预约社区助餐未到场/)
    })
  })
})
