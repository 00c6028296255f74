import { loginResultSchema } from '@shared/auth'
import { buildApp } from '../../server/app'
import { upsertUserByOpenid } from '../../server/auth/user.repository'
import type { AppInstance } from '../../server/app-instance'
import { loadConfig } from '../../server/config'
import { type Db, connect } from '../../server/db/connection'
import { leasedRound, releaseJobLeases, takeJobLease } from '../../server/jobs/job-lease'
import { senderSettings } from '../../server/notices/notice-runner'
import { type SenderSettings, deliverDue } from '../../server/notices/notice-sender'
import { claimDueNotices, markAttempt } from '../../server/notices/notice.repository'
import { book, mealOrder, mealSession, postBooking } from '../support/bookings'
import { TestClock } from '../support/clock'
import { DATABASES, POSTGRES_URL, type TestDb, createTestDb } from '../support/databases'
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat'

const env = (wechat: FakeWechat) => ({
  AUTH_DEV_LOGIN: '1',
  STATIC_DIR: 'test/no-static',
  LOG_LEVEL: 'silent',
  WECHAT_API_BASE: wechat.base,
  WECHAT_APPID: 'wx-app',
  WECHAT_SECRET: 's',
  WECHAT_TEMPLATE_BOOKED: 'tpl-booked',
  WECHAT_TEMPLATE_REMINDER: 'tpl-remind',
  WECHAT_TEMPLATE_CANCELLED: 'tpl-cancel',
  NOTICE_SEND_INTERVAL_MS: '0',
  WAITLIST_INTERVAL_MS: '0',
  RATE_LIMIT_LOGIN_PER_MINUTE: '0',
  RATE_LIMIT_WRITES_PER_MINUTE: '0',
})

/** Rounds of the sender until one finds nothing to do. */
async function drain(db: Db, settings: SenderSettings, now: () => Date): Promise<number> {
  let sent = 0
  for (let round = 0; round < 50; round++) {
    const report = await deliverDue(db, settings, now())
    sent += report.sent
    if (report.sent + report.retried + report.dead + report.skipped === 0) return sent
  }
  return sent
}

describe('two instances on one PostgreSQL database', () => {
  let wechat: FakeWechat
  let store: TestDb
  let second: Db
  const clock = new TestClock()
  const apps: AppInstance[] = []
  beforeAll(async () => {
    wechat = await startFakeWechat()
    store = await createTestDb('postgres', {}, clock.now())
    // The second instance has its own pool, as a second process would.
    second = connect(POSTGRES_URL, { searchPath: store.searchPath })
    const config = loadConfig(env(wechat))
    for (const db of [store.db, second]) {
      const app = await buildApp({ config, db, logger: false, clock: clock.now })
      await app.ready()
      apps.push(app)
    }
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await second.close()
    await store.drop()
    await wechat.close()
  })

  afterEach(() => clock.reset())

  it('delivers every notice of 100 bookings made on both exactly once, while both senders run, on one access token', async () => {
    const config = loadConfig(env(wechat))
    const senders = [
      { ...senderSettings(config, store.db), holder: 'instance-a' },
      { ...senderSettings(config, second), holder: 'instance-b' },
    ]
    // One access token for both: the second instance uses the one the first fetched.
    await senders[0].tokens.get(clock.now())
    const tokensBefore = wechat.tokens.length
    const residents = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const res = await apps[i % 2].inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `ok-twin${i}` } })
        return { authorization: `Bearer ${loginResultSchema.parse(res.json()).token}` }
      }),
    )
    const sessions = await Promise.all(
      [2, 3].flatMap((days) =>
        ['lunch', 'dinner'].map((part) => mealSession(apps[0], { facilityId: 'yl-jiayuan', date: clock.today(days), part })),
      ),
    )

    // Bookings arrive on both instances while both senders work through the outbox.
    let booking = true
    const senderLoops = [store.db, second].map(async (db, i) => {
      while (booking) {
        await deliverDue(db, senders[i], clock.now())
        await new Promise((r) => setTimeout(r, 5))
      }
    })
    const bookings = await Promise.all(
      residents.flatMap((resident, r) => sessions.map((session, s) => book(apps[(r + s) % 2], resident, mealOrder(session)))),
    )
    booking = false
    await Promise.all(senderLoops)
    await Promise.all([drain(store.db, senders[0], clock.now), drain(second, senders[1], clock.now)])
    expect(wechat.tokens.length - tokensBefore).toBe(0)
    // The reminders, once their time has come (the token has expired by then: one instance fetches a new one for
    // both): both senders again at the same instant.
    clock.set(new Date(Date.parse(sessions[3].startsAt) - 60_000))
    await Promise.all([drain(store.db, senders[0], clock.now), drain(second, senders[1], clock.now)])

    expect(bookings).toHaveLength(100)
    const perBooking = new Map<string, string[]>()
    for (const { message } of wechat.sent) {
      const id = String(message.page).split('id=')[1]
      perBooking.set(id, [...(perBooking.get(id) ?? []), String(message.template_id)])
    }
    for (const b of bookings) expect([b.id, (perBooking.get(b.id) ?? []).sort()]).toEqual([b.id, ['tpl-booked', 'tpl-remind']])
    expect(wechat.sent).toHaveLength(200)
    expect(new Set(wechat.sent.map((s) => s.token)).size).toBeLessThanOrEqual(3)
    expect(wechat.tokens.length - tokensBefore).toBeLessThanOrEqual(2)
    const rows = await store.db.kysely.selectFrom('notices').select(['delivery', 'attempts', 'claimed_by']).execute()
    expect(rows).toHaveLength(200)
    expect(rows.every((r) => r.delivery === 'sent' && r.attempts === 1 && r.claimed_by === null)).toBe(true)
  }, 60_000)

  it('leaves a notice claimed by a sender that died to the other once the lease runs out, counting both attempts', async () => {
    const res = await apps[0].inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok-crashed' } })
    const resident = { authorization: `Bearer ${loginResultSchema.parse(res.json()).token}` }
    const made = await book(apps[0], resident, mealOrder(await mealSession(apps[0], { facilityId: 'yl-hongqi', date: clock.today(4) })))
    const config = loadConfig(env(wechat))
    const now = clock.now()
    // Instance A claims the confirmation, counts its attempt, and dies before it hears back.
    const [claimed] = await claimDueNotices(store.db, { holder: 'dead-a', now, leaseUntil: new Date(now.getTime() + 60_000), limit: 1 })
    expect(claimed.booking_id).toBe(made.id)
    expect(await markAttempt(store.db.kysely, claimed.id, 'dead-a')).toBe(1)
    const b = { ...senderSettings(config), holder: 'instance-b' }
    const before = wechat.sent.length
    expect((await deliverDue(second, b, new Date(now.getTime() + 30_000))).sent).toBe(0)
    expect((await deliverDue(second, b, new Date(now.getTime() + 61_000))).sent).toBe(1)
    expect(wechat.sent.slice(before).map((s) => s.message.template_id)).toEqual(['tpl-booked'])
    const row = await store.db.kysely.selectFrom('notices').selectAll().where('id', '=', claimed.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ delivery: 'sent', attempts: 2, claimed_by: null })
  })

  it('sells out one session from both instances at once without overbooking', async () => {
    const lunch = await mealSession(apps[0], { facilityId: 'yl-renmin-donglu', date: clock.today(5) })
    await store.db.kysely.updateTable('sessions').set({ capacity: 20 }).where('id', '=', lunch.id).execute()
    const residents = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const res = await apps[i % 2].inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: `sellout-${i}` } })
        return { authorization: `Bearer ${loginResultSchema.parse(res.json()).token}` }
      }),
    )
    const answers = await Promise.all(residents.map((resident, i) => postBooking(apps[i % 2], resident, mealOrder(lunch))))
    const statuses = answers.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true)
    const session = await store.db.kysely.selectFrom('sessions').select(['booked', 'capacity']).where('id', '=', lunch.id).executeTakeFirstOrThrow()
    const held = await store.db.kysely.selectFrom('bookings').select('id').where('session_id', '=', lunch.id).where('status', '!=', 'cancelled').execute()
    expect([session.booked, held.length]).toEqual([20, 20])
  }, 60_000)

  it('runs a leased job round on one instance only', async () => {
    let runs = 0
    const job = async () => {
      runs++
      await new Promise((r) => setTimeout(r, 20))
    }
    const rounds = [store.db, second].flatMap((db, i) =>
      Array.from({ length: 5 }, () => leasedRound(db.kysely, { name: 'twin-job', holder: `instance-${i}`, ttlMs: 60_000 }, clock.now, job)()),
    )
    const ran = await Promise.all(rounds)
    expect(runs).toBe(ran.filter(Boolean).length)
    // All the rounds that ran ran on the same instance.
    const winners = new Set(ran.map((r, i) => (r ? Math.floor(i / 5) : -1)).filter((w) => w >= 0))
    expect(winners.size).toBe(1)
  })
})

describe.each(DATABASES)('job leases on %s', (database) => {
  let store: TestDb
  beforeAll(async () => {
    store = await createTestDb(database)
  })
  afterAll(() => store.drop())

  it('grants a lease to one holder until it expires or is released', async () => {
    const db = store.db.kysely
    const t0 = new Date('2027-03-01T02:00:00Z')
    const later = (ms: number) => new Date(t0.getTime() + ms)
    expect(await takeJobLease(db, 'purge', 'a', t0, 60_000)).toBe(true)
    expect(await takeJobLease(db, 'purge', 'b', later(1000), 60_000)).toBe(false)
    expect(await takeJobLease(db, 'purge', 'a', later(2000), 60_000)).toBe(true)
    expect(await takeJobLease(db, 'purge', 'b', later(61_000), 60_000)).toBe(false)
    expect(await takeJobLease(db, 'purge', 'b', later(62_000), 60_000)).toBe(true)
    await releaseJobLeases(db, 'b')
    expect(await takeJobLease(db, 'purge', 'c', later(63_000), 60_000)).toBe(true)
  })

  it('lets only one of two concurrent claims take a due notice', async () => {
    const db = store.db
    const now = new Date('2099-01-01T00:00:00Z')
    const leaseUntil = new Date(now.getTime() + 60_000)
    const user = await upsertUserByOpenid(db.kysely, 'lease-claims', now)
    const at = now.toISOString()
    await db.kysely
      .insertInto('notices')
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          id: `n-claim-${i}`,
          user_id: user.id,
          kind: 'booking_confirmed',
          booking_id: null,
          title: '预约成功',
          body: '',
          fields: '{}',
          created_at: at,
          deliver_after: at,
          next_attempt_at: at,
        })),
      )
      .execute()
    const [a, b] = await Promise.all(
      ['a', 'b'].map((holder) => claimDueNotices(db, { holder, now, leaseUntil, limit: 1000 })),
    )
    const ids = [...a, ...b].map((n) => n.id)
    expect(ids.filter((id) => id.startsWith('n-claim-')).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `n-claim-${i}`).sort())
    expect(new Set(ids).size).toBe(ids.length)
  })
})
