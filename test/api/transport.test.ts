import { Writable } from 'node:stream'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { logSerializers } from '../../server/http/log-serializers'
import { type TestApp, createTestApp, devLogin } from '../support/app'
import { DATABASES } from '../support/databases'

describe.each(DATABASES)('transport and logs on %s', (database) => {
  let t: TestApp
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  beforeAll(async () => {
    t = await createTestApp(database, {}, { level: 'info', stream, serializers: logSerializers })
  })
  afterAll(() => t.close())
  beforeEach(() => {
    lines.length = 0
  })

  it('marks personal answers no-store, and leaves public reference data cacheable', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'no-store' } })
    expect(login.headers['cache-control']).toBe('no-store')
    const headers = { authorization: `Bearer ${login.json().token}` }
    for (const url of ['/api/me', '/api/bookings', '/api/me/notices', '/api/waitlist']) {
      const res = await t.app.inject({ url, headers })
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'no-store'])
    }
    // Refused too: the answer is about the caller.
    expect((await t.app.inject({ url: '/api/me' })).headers['cache-control']).toBe('no-store')
    const facilities = await t.app.inject({ url: '/api/facilities' })
    expect(facilities.statusCode).toBe(200)
    expect(facilities.headers['cache-control']).toBeUndefined()
  })

  it('sends HSTS only when configured', async () => {
    expect((await t.app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBeUndefined()
    const config = loadConfig({ STATIC_DIR: 'test/no-static', HSTS_MAX_AGE: '31536000' })
    const tls = await buildApp({ config, db: t.store.db, logger: false, clock: t.clock.now })
    try {
      expect((await tls.inject({ url: '/api/health' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    } finally {
      await tls.close()
    }
  })

  it('logs a refusal at info with its code and no stack', async () => {
    const headers = await devLogin(t.app, 'log-refused')
    lines.length = 0
    await t.app.inject({ url: '/api/facilities?lat=abc' })
    await t.app.inject({ method: 'POST', url: '/api/bookings', headers: { ...headers, 'content-type': 'application/json' }, payload: '{bad' })
    await t.app.inject({ url: '/api/me' })
    const refusals = lines.filter((l) => l.msg === 'request refused')
    expect(refusals.map((l) => [l.level, l.statusCode, l.code])).toEqual([
      [30, 400, 'invalid_input'],
      [30, 400, 'malformed_json'],
      [30, 401, 'unauthorized'],
    ])
    expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([])
    expect(JSON.stringify(lines)).not.toMatch(/\\n\s+at |"stack"/)
    // The query string (a position) stays out.
    expect(JSON.stringify(lines)).not.toContain('lat=abc')
  })

  it('logs a server error as one line: what failed and where, without the stack', async () => {
    const config = loadConfig({ STATIC_DIR: 'test/no-static' })
    const app = await buildApp({ config, db: t.store.db, logger: { level: 'info', stream, serializers: logSerializers }, clock: t.clock.now })
    app.get('/api/boom', { config: { access: 'public' } }, async () => {
      throw new TypeError('the roster lost its facility')
    })
    try {
      const res = await app.inject({ url: '/api/boom' })
      expect(res.statusCode).toBe(500)
      expect(res.json().error.code).toBe('internal')
      expect(res.body).not.toContain('roster')
      const [failure] = lines.filter((l) => l.msg === 'request failed')
      expect(failure.level).toBe(50)
      expect(failure.error).toMatch(/^TypeError: the roster lost its facility at .*transport\.test\.ts:\d+:\d+\)?$/)
      expect(String(failure.error)).not.toContain('\n')
      expect(failure.err).toBeUndefined()
    } finally {
      await app.close()
    }
  })
})
