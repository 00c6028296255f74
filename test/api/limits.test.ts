import { errorBodySchema, logoutAllResultSchema } from '@shared/index'
import { buildApp } from '../../server/app'
import { purgeSessions } from '../../server/auth/session.repository'
import { loadConfig } from '../../server/config'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { mealOrder, mealSession, postBooking } from '../support/bookings'
import { DATABASES } from '../support/databases'

const CHINESE = /[\u4e00-\u9fff]/

describe.each(DATABASES)('limits against abuse on %s', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp(database, { RATE_LIMIT_WRITES_PER_MINUTE: '3', SESSIONS_PER_USER: '3' })
  })
  const afterAllClose: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const close of afterAllClose) await close()
    await t.close()
  })
  afterEach(() => t.clock.reset())

  const sessionsOf = (openid: string) =>
    t.store.db.kysely
      .selectFrom('auth_sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.created_at', 's.revoked_at'])
      .where('u.openid', '=', `dev:${openid}`)
      .execute()

  it('answers sign-ins beyond the limit per address with 429, a Chinese message and Retry-After', async () => {
    // A second instance on the same store, with the sign-in limit on (the other tests sign in freely).
    const config = loadConfig({ AUTH_DEV_LOGIN: '1', STATIC_DIR: 'test/no-static', RATE_LIMIT_LOGIN_PER_MINUTE: '5' })
    const limited = await buildApp({ config, db: t.store.db, logger: false, clock: t.clock.now })
    afterAllClose.push(() => limited.close())
    const login = (openid: string, remoteAddress = '203.0.113.7') =>
      limited.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid }, remoteAddress })
    const answers = []
    for (let i = 0; i < 7; i++) answers.push(await login(`flood-${i}`))
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 429, 429])
    const refused = answers[5]
    const { error } = errorBodySchema.parse(refused.json())
    expect(error.code).toBe('rate_limited')
    expect(error.message).toMatch(CHINESE)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60)
    // Nothing was written for the refused: no user, no session.
    expect(await sessionsOf('flood-6')).toEqual([])
    // Another address still signs in.
    expect((await login('flood-other', '198.51.100.9')).statusCode).toBe(200)
  })

  it('limits a user’s writes, counted per user and not per address, and leaves reads alone', async () => {
    const alice = await devLogin(t.app, 'writer-alice')
    const bob = await devLogin(t.app, 'writer-bob')
    const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan', date: t.clock.today(3) })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await postBooking(t.app, alice, mealOrder(lunch))).statusCode)
    // One booking, then the same person refused twice (already_booked), then the limit.
    expect(statuses).toEqual([201, 409, 409, 429, 429])
    const bookings = await t.store.db.kysely.selectFrom('bookings').select('id').where('session_id', '=', lunch.id).execute()
    expect(bookings).toHaveLength(1)
    // Bob writes from the same address: his own count.
    expect((await postBooking(t.app, bob, mealOrder(lunch))).statusCode).toBe(201)
    for (let i = 0; i < 10; i++) expect((await t.app.inject({ url: '/api/bookings', headers: alice })).statusCode).toBe(200)
  })

  it('keeps at most SESSIONS_PER_USER sessions: signing in once more ends the oldest', async () => {
    const tokens = []
    for (let i = 0; i < 4; i++) {
      tokens.push(await devLogin(t.app, 'many-phones'))
      t.clock.advance(1000)
    }
    expect(await sessionsOf('many-phones')).toHaveLength(3)
    expect((await t.app.inject({ url: '/api/me', headers: tokens[0] })).statusCode).toBe(401)
    for (const headers of tokens.slice(1)) expect((await t.app.inject({ url: '/api/me', headers })).statusCode).toBe(200)
  })

  it('退出所有设备 ends every session of the caller and no one else’s', async () => {
    const phone = await devLogin(t.app, 'lost-phone')
    const tablet = await devLogin(t.app, 'lost-phone')
    const neighbour = await devLogin(t.app, 'neighbour')
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: tablet })
    expect(res.statusCode).toBe(200)
    expect(logoutAllResultSchema.parse(res.json())).toEqual({ ok: true, ended: 2 })
    expect((await t.app.inject({ url: '/api/me', headers: phone })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/me', headers: tablet })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/me', headers: neighbour })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(401)
  })

  it('purges sessions once expired or signed out, and keeps live ones', async () => {
    const live = await devLogin(t.app, 'purge-live')
    const out = await devLogin(t.app, 'purge-out')
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: out })
    await devLogin(t.app, 'purge-old')
    expect(await sessionsOf('purge-out')).toHaveLength(1)
    // 31 days on: purge-old's session (30 days) has expired; so have all the others made before, but purge-live
    // signs in again just before.
    t.clock.advance(31 * 86_400_000)
    const again = await devLogin(t.app, 'purge-live')
    await purgeSessions(t.store.db.kysely, t.clock.now())
    expect(await sessionsOf('purge-out')).toEqual([])
    expect(await sessionsOf('purge-old')).toEqual([])
    expect(await sessionsOf('purge-live')).toHaveLength(1)
    expect((await t.app.inject({ url: '/api/me', headers: again })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/me', headers: live })).statusCode).toBe(401)
  })
})
