import { CARE_AGREEMENT, CHILD_CONSENT, bookingSchema, noticeListSchema, waitlistEntrySchema, waitlistListSchema } from '@shared/index'
import { infantSessionId } from '../../server/db/seed/infant-care'
import { respiteNightId } from '../../server/db/seed/respite'
import { runWaitlist } from '../../server/waitlist/waitlist-offers'
import { devLogin, errorOf, useTestApp } from '../support/app'
import { addMember, postBooking } from '../support/bookings'
import { bornMonthsBefore, nextMonday } from '../support/calendar'
import { DATABASES } from '../support/databases'

const HOME = 'yl-jiayuan'
const NURSERY = 'yl-hangkong-erlu'
type Headers = { authorization: string }

describe.each(DATABASES)('waitlist on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  const night = (offset: number) => t.clock.today(offset)
  const oneNight = (memberId: string, offset: number) => ({ sessionId: respiteNightId(HOME, night(offset)), memberId })
  const beds = async (offset: number) =>
    (await db().selectFrom('sessions').select('booked').where('id', '=', respiteNightId(HOME, night(offset))).executeTakeFirstOrThrow())
      .booked

  let families = 0
  const family = async (name: string) => {
    const headers = await devLogin(t.app, `wl-family-${++families}`)
    const elder = await addMember(t.app, headers, { name, birthDate: '1939-06-01' })
    return { headers, elder }
  }
  const join = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/waitlist', headers, payload })
  const myEntries = async (headers: Headers) =>
    waitlistListSchema.parse((await t.app.inject({ url: '/api/waitlist', headers })).json()).entries
  const cancel = (headers: Headers, bookingId: string) =>
    t.app.inject({ method: 'POST', url: `/api/bookings/${bookingId}/cancel`, headers })
  /** Fills a night's four beds with real stays and returns who holds them. */
  const fillNight = async (offset: number) => {
    const holders = []
    for (let i = 0; i < 4; i++) {
      const f = await family(`住客${offset}-${i}`)
      const res = await postBooking(t.app, f.headers, oneNight(f.elder.id, offset))
      expect(res.statusCode).toBe(201)
      holders.push({ ...f, booking: bookingSchema.parse(res.json()) })
    }
    return holders
  }

  it('queues for a full night in order, offers a freed bed to the first in line, holds it, and books it on confirm', async () => {
    const holders = await fillNight(20)
    const b = await family('候补甲')
    const c = await family('候补乙')

    const joined = await join(b.headers, oneNight(b.elder.id, 20))
    expect(joined.statusCode).toBe(201)
    expect(waitlistEntrySchema.parse(joined.json())).toMatchObject({ status: 'waiting', position: 1, beneficiaryName: '候补甲' })
    expect((await join(c.headers, oneNight(c.elder.id, 20))).json()).toMatchObject({ position: 2 })
    const again = await join(b.headers, oneNight(b.elder.id, 20))
    expect(again.statusCode).toBe(409)
    expect(errorOf(again.body).code).toBe('already_waiting')
    const notFull = await join(b.headers, oneNight(b.elder.id, 21))
    expect(errorOf(notFull.body)).toMatchObject({ code: 'not_full', message: '还有名额，可以直接预约' })

    // A guest cancels: the bed goes to 候补甲 at once, held for two hours; nobody else can take it meanwhile.
    expect((await cancel(holders[0].headers, holders[0].booking.id)).statusCode).toBe(200)
    const [offered] = await myEntries(b.headers)
    expect(offered).toMatchObject({ status: 'offered', position: null })
    expect(Date.parse(offered.offerExpiresAt ?? '') - t.clock.now().getTime()).toBeGreaterThan(119 * 60_000)
    expect(await beds(20)).toBe(4)
    const held = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${offered.bookingId}`, headers: b.headers })).json())
    expect(held).toMatchObject({ status: 'booked', offerExpiresAt: offered.offerExpiresAt, stay: { from: night(20) } })
    const notice = await db().selectFrom('notices').select(['kind', 'body']).where('booking_id', '=', held.id).executeTakeFirstOrThrow()
    expect(notice.kind).toBe('waitlist_offer')
    expect((await myEntries(c.headers))[0]).toMatchObject({ status: 'waiting', position: 1 })

    // A bed freed without an offer round yet (capacity raised) is owed to 候补乙, not to a newcomer.
    await db().updateTable('sessions').set({ capacity: 5 }).where('id', '=', respiteNightId(HOME, night(20))).execute()
    const newcomer = await family('新来的')
    const jumped = await postBooking(t.app, newcomer.headers, oneNight(newcomer.elder.id, 20))
    expect(jumped.statusCode).toBe(409)
    expect(errorOf(jumped.body).message).toContain('1 人在排队候补')
    await runWaitlist(db(), t.clock.now())
    expect((await myEntries(c.headers))[0].status).toBe('offered')

    const messages = async () => noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers: b.headers })).json())
    expect((await messages()).notices.map((n) => n.kind)).toContain('waitlist_offer')

    const confirmed = await t.app.inject({ method: 'POST', url: `/api/waitlist/${offered.id}/confirm`, headers: b.headers })
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'booked' })
    const kept = (await t.app.inject({ url: `/api/bookings/${held.id}`, headers: b.headers })).json()
    expect(kept).toMatchObject({ status: 'booked', offerExpiresAt: null })
    // The offer is settled: its message (「有名额了，请确认」) goes from the list.
    expect((await messages()).notices.map((n) => n.kind)).not.toContain('waitlist_offer')

    // 全部已读: every message of a guest read at once, and only that family's.
    const listOf = async (headers: Headers) => noticeListSchema.parse((await t.app.inject({ url: '/api/me/notices', headers })).json())
    const guest = holders[1].headers
    const unread = (await listOf(guest)).unread
    expect(unread).toBeGreaterThan(0)
    const unreadOfOther = (await listOf(holders[2].headers)).unread
    const readAll = await t.app.inject({ method: 'POST', url: '/api/me/notices/read-all', headers: guest })
    expect(readAll.json()).toEqual({ read: unread })
    expect(await listOf(guest)).toMatchObject({ unread: 0 })
    expect((await listOf(guest)).notices.every((n) => n.read)).toBe(true)
    expect((await listOf(holders[2].headers)).unread).toBe(unreadOfOther)
  })

  it('gives the place to the next in line when an offer is not confirmed within the hold window', async () => {
    const holders = await fillNight(22)
    const b = await family('迟到者')
    const c = await family('下一位')
    const first = waitlistEntrySchema.parse((await join(b.headers, oneNight(b.elder.id, 22))).json())
    await join(c.headers, oneNight(c.elder.id, 22))
    await cancel(holders[1].headers, holders[1].booking.id)
    const [offer] = await myEntries(b.headers)
    expect(offer.status).toBe('offered')

    const later = new Date(t.clock.now().getTime() + 121 * 60_000)
    // (The offer left unconfirmed by the first test expires in this round too.)
    expect((await runWaitlist(db(), later)).offered).toBeGreaterThanOrEqual(1)
    expect((await myEntries(b.headers))[0]).toMatchObject({ status: 'expired', bookingId: null })
    const lapsed = bookingSchema.parse((await t.app.inject({ url: `/api/bookings/${offer.bookingId}`, headers: b.headers })).json())
    expect(lapsed.status).toBe('cancelled')
    expect(lapsed.history.at(-1)?.reason).toBe('候补名额未在时限内确认')
    const told = await db().selectFrom('notices').select('kind').where('booking_id', '=', lapsed.id).orderBy('created_at').execute()
    expect(told.map((n) => n.kind)).toEqual(expect.arrayContaining(['waitlist_offer', 'waitlist_expired']))
    expect(told.map((n) => n.kind)).not.toContain('cancelled_by_facility')
    expect((await myEntries(c.headers))[0].status).toBe('offered')
    expect(await beds(22)).toBe(4)

    const tooLate = await t.app.inject({ method: 'POST', url: `/api/waitlist/${first.id}/confirm`, headers: b.headers })
    expect(tooLate.statusCode).toBe(409)
    expect(errorOf(tooLate.body).code).toBe('offer_expired')
  })

  it('lets a family leave the queue, and keeps each family’s queue to itself', async () => {
    await fillNight(24)
    const b = await family('排队甲')
    const c = await family('排队乙')
    const mine = waitlistEntrySchema.parse((await join(b.headers, oneNight(b.elder.id, 24))).json())
    await join(c.headers, oneNight(c.elder.id, 24))

    const theirs = await myEntries(c.headers)
    expect(theirs.map((e) => e.id)).not.toContain(mine.id)
    const foreign = await t.app.inject({ method: 'POST', url: `/api/waitlist/${mine.id}/confirm`, headers: c.headers })
    expect(foreign.statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/waitlist/${mine.id}`, headers: c.headers })).statusCode).toBe(404)

    const left = await t.app.inject({ method: 'DELETE', url: `/api/waitlist/${mine.id}`, headers: b.headers })
    expect(left.json()).toMatchObject({ status: 'left', position: null })
    expect((await myEntries(c.headers))[0].position).toBe(1)
  })

  it('queues a child for their own class: a full 乳儿班 does not stop the 托小班', async () => {
    const monday = nextMonday(t.clock.today())
    await db()
      .updateTable('session_classes')
      .set((eb) => ({ booked: eb.ref('capacity') }))
      .where('session_id', '=', infantSessionId(NURSERY, monday))
      .where('class_code', '=', 'infant')
      .execute()
    const guardian = await devLogin(t.app, 'wl-infant')
    const child = (name: string, months: number) =>
      addMember(t.app, guardian, { name, relation: '女儿', birthDate: bornMonthsBefore(monday, months), childConsentVersion: CHILD_CONSENT.version })
    const baby = await child('小宝', 8)
    const toddler = await child('大宝', 18)
    const care = { serviceAgreementVersion: CARE_AGREEMENT.version, healthCheckDeclared: true }
    const day = { sessionId: infantSessionId(NURSERY, monday), care }

    expect(errorOf((await postBooking(t.app, guardian, { ...day, memberId: baby.id })).body).code).toBe('full')
    const entry = await join(guardian, { ...day, memberId: baby.id })
    expect(entry.json()).toMatchObject({ status: 'waiting', className: '乳儿班', position: 1 })
    expect((await postBooking(t.app, guardian, { ...day, memberId: toddler.id })).statusCode).toBe(201)
    expect(errorOf((await join(guardian, { ...day, memberId: baby.id })).body).code).toBe('already_waiting')
  })
})
