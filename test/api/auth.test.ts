import { Writable } from 'node:stream'
import { errorBodySchema, loginResultSchema, meSchema } from '@shared/index'
import { hashToken } from '../../server/auth/token'
import { logSerializers } from '../../server/http/log-serializers'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { DATABASES } from '../support/databases'
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat'

describe.each(DATABASES)('auth and me on %s', (database) => {
  let t: TestApp
  let wechat: FakeWechat
  beforeAll(async () => {
    wechat = await startFakeWechat()
    t = await createTestApp(database, {
      WECHAT_API_BASE: wechat.base,
      WECHAT_APPID: 'wx-test-app',
      WECHAT_SECRET: 'test-secret',
      WECHAT_TIMEOUT_MS: '300',
    })
  })
  afterAll(async () => {
    await t.close()
    await wechat.close()
  })

  const wechatLogin = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

  describe('WeChat login', () => {
    it('exchanges the code on the server and keeps session_key there', async () => {
      const res = await wechatLogin('ok-openid-alice')
      expect(res.statusCode).toBe(200)
      const body = loginResultSchema.parse(res.json())
      expect(body.user.role).toBe('resident')
      expect(res.body).not.toContain('sk-ok-openid-alice')
      expect(res.body).not.toContain('openid-alice')

      const sent = wechat.calls.at(-1)
      expect(sent?.get('appid')).toBe('wx-test-app')
      expect(sent?.get('secret')).toBe('test-secret')
      expect(sent?.get('grant_type')).toBe('authorization_code')

      const stored = await t.store.db.kysely
        .selectFrom('auth_sessions')
        .selectAll()
        .where('token_hash', '=', hashToken(body.token))
        .executeTakeFirstOrThrow()
      expect(stored.wechat_session_key).toBe('sk-ok-openid-alice')
      expect(stored.token_hash).not.toBe(body.token)

      const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${body.token}` } })
      expect(me.statusCode).toBe(200)
      expect(meSchema.parse(me.json()).user.id).toBe(body.user.id)
    })

    it('logs the same WeChat user in as the same user', async () => {
      const first = loginResultSchema.parse((await wechatLogin('ok-openid-bob')).json())
      const second = loginResultSchema.parse((await wechatLogin('ok-openid-bob')).json())
      expect(second.user.id).toBe(first.user.id)
      expect(second.token).not.toBe(first.token)
    })

    it.each([
      ['err-40029', 400, 'wechat_code_invalid'],
      ['err-40163', 400, 'wechat_code_invalid'],
      ['err-45011', 429, 'wechat_rate_limited'],
      ['err-40226', 403, 'wechat_user_blocked'],
      ['err-1', 503, 'wechat_unavailable'],
      ['slow', 503, 'wechat_unavailable'],
    ])('turns %s into %i %s', async (code, status, errorCode) => {
      const res = await wechatLogin(code)
      expect(res.statusCode).toBe(status)
      const body = errorBodySchema.parse(res.json())
      expect(body.error.code).toBe(errorCode)
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    })

    it('refuses a missing or empty code with 400', async () => {
      for (const payload of [{}, { code: '' }, { code: 12 }, { code: 'x', extra: 1 }]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload })
        expect(res.statusCode).toBe(400)
        expect(res.json().error.code).toBe('invalid_input')
      }
    })
  })

  describe('sessions', () => {
    it('answers 401 without a token, with a bad one, and after logout', async () => {
      expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401)
      const bad = await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer not-a-real-token-at-all-123' } })
      expect(bad.statusCode).toBe(401)
      expect(errorBodySchema.parse(bad.json()).error.code).toBe('unauthorized')

      const headers = await devLogin(t.app, 'carol')
      expect((await t.app.inject({ url: '/api/me', headers })).statusCode).toBe(200)
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })
      expect(out.statusCode).toBe(200)
      expect((await t.app.inject({ url: '/api/me', headers })).statusCode).toBe(401)
    })

    it('expires sessions', async () => {
      const headers = await devLogin(t.app, 'dave')
      const token = headers.authorization.slice('Bearer '.length)
      await t.store.db.kysely
        .updateTable('auth_sessions')
        .set({ expires_at: new Date(t.clock.now().getTime() - 1000).toISOString() })
        .where('token_hash', '=', hashToken(token))
        .execute()
      const res = await t.app.inject({ url: '/api/me', headers })
      expect(res.statusCode).toBe(401)
    })

    it('shows each user only their own family members', async () => {
      const erin = await devLogin(t.app, 'erin')
      const frank = await devLogin(t.app, 'frank')
      const erinId = meSchema.parse((await t.app.inject({ url: '/api/me', headers: erin })).json()).user.id
      await t.store.db.kysely
        .insertInto('family_members')
        .values({ id: 'm-erin-mother', owner_user_id: erinId, name: '王秀英', relation: '母亲', created_at: t.clock.now().toISOString() })
        .execute()
      const erinMe = meSchema.parse((await t.app.inject({ url: '/api/me', headers: erin })).json())
      const frankMe = meSchema.parse((await t.app.inject({ url: '/api/me', headers: frank })).json())
      expect(erinMe.members).toMatchObject([{ id: 'm-erin-mother', name: '王秀英', relation: '母亲' }])
      expect(frankMe.members).toEqual([])
    })
  })

  describe('development login', () => {
    it('creates identities with a role', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'clerk-1', role: 'government_staff' } })
      expect(res.statusCode).toBe(200)
      expect(loginResultSchema.parse(res.json()).user.role).toBe('government_staff')
    })

    it.each([
      [{ openid: 'has space' }, 'openid'],
      [{ openid: 'ok', role: 'admin' }, 'role'],
      [{ openid: 'ok', isAdmin: true }, 'isAdmin'],
      [{}, 'openid'],
    ])('refuses %j naming %s', async (payload, field) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload })
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'invalid_input', field })
    })

    it.each([
      ['malformed JSON', 'application/json', '{"openid": "x"', 400, 'malformed_json'],
      ['an XML body', 'application/xml', '<openid>x</openid>', 415, 'unsupported_media_type'],
      ['a 20 KB body', 'application/json', JSON.stringify({ openid: 'x', padding: 'a'.repeat(20_000) }), 413, 'body_too_large'],
    ])('refuses %s', async (_what, contentType, payload, status, code) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/dev',
        headers: { 'content-type': contentType },
        payload,
      })
      expect(res.statusCode).toBe(status)
      expect(res.json().error.code).toBe(code)
    })
  })
})

describe.each(DATABASES)('WeChat login without the mini-program credentials on %s', (database) => {
  let wechat: FakeWechat
  beforeAll(async () => {
    wechat = await startFakeWechat()
  })
  afterAll(() => wechat.close())

  it.each([
    ['no WECHAT_APPID', { WECHAT_SECRET: 'test-secret' }],
    ['no WECHAT_SECRET', { WECHAT_APPID: 'wx-test-app' }],
    ['neither', {}],
  ])('with %s answers 503 wechat_unavailable without calling WeChat', async (_what, env) => {
    const t = await createTestApp(database, { WECHAT_API_BASE: wechat.base, WECHAT_TIMEOUT_MS: '60000', ...env })
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok-openid-zoe' } })
      expect(res.statusCode).toBe(503)
      const body = errorBodySchema.parse(res.json())
      expect(body.error.code).toBe('wechat_unavailable')
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(wechat.calls).toHaveLength(0)
      expect(await t.store.db.kysely.selectFrom('users').selectAll().execute()).toEqual([])
    } finally {
      await t.close()
    }
  })
})

describe('development login switched off', () => {
  it('does not exist without AUTH_DEV_LOGIN=1', async () => {
    const t = await createTestApp('sqlite', { AUTH_DEV_LOGIN: '0' })
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'mallory', role: 'government_staff' } })
      expect(res.statusCode).toBe(404)
      expect(await t.store.db.kysely.selectFrom('users').selectAll().execute()).toEqual([])
    } finally {
      await t.close()
    }
  })
})

describe('logs', () => {
  it('carry no tokens, openids, login codes or positions', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const wechat = await startFakeWechat()
    const t = await createTestApp('sqlite', { WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 'test-secret' }, {
      level: 'info',
      stream,
      serializers: logSerializers,
    })
    try {
      const login = loginResultSchema.parse(
        (await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok-secret-openid-77' } })).json(),
      )
      await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${login.token}` } })
      await t.app.inject({ url: '/api/facilities?lat=34.123456&lng=109.654321' })
      const log = lines.join('')
      expect(lines.length).toBeGreaterThan(4)
      expect(log).toContain('/api/facilities')
      for (const secret of [login.token, 'secret-openid-77', 'ok-secret-openid-77', '34.123456', '109.654321', 'Bearer']) {
        expect(log).not.toContain(secret)
      }
    } finally {
      await t.close()
      await wechat.close()
    }
  })
})
