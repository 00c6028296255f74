import { errorBodySchema } from '@shared/errors'
import { buildApp } from '../../server/app'
import type { AppInstance } from '../../server/app-instance'
import { type Config, loadConfig } from '../../server/config'
import { type Grant, grantStaff } from '../../server/staff/staff-grants'
import { TestClock } from './clock'
import { type DatabaseName, type TestDb, createTestDb } from './databases'

export interface TestApp {
  app: AppInstance
  store: TestDb
  /** The app's clock: seeded and running from the suite's instant; tests move it. */
  clock: TestClock
  close(): Promise<void>
}

/**
 * The real app on a fresh store, for `app.inject`; development login on unless the test says otherwise. The store
 * is seeded at the clock's instant and the app reads the same clock.
 */
export async function createTestApp(
  database: DatabaseName,
  env: Record<string, string> = {},
  logger?: Parameters<typeof buildApp>[0]['logger'],
  clock: TestClock = new TestClock(),
): Promise<TestApp> {
  const store = await createTestDb(database, {}, clock.now())
  // Limits are off unless a test turns them on: suites sign in and write far more than a person could.
  const config: Config = loadConfig({
    AUTH_DEV_LOGIN: '1',
    STATIC_DIR: 'test/no-static',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_WRITES_PER_MINUTE: '0',
    ...env,
  })
  const app = await buildApp({ config, db: store.db, logger: logger ?? false, clock: clock.now })
  await app.ready()
  return {
    app,
    store,
    clock,
    close: async () => {
      await app.close()
      await store.drop()
    },
  }
}

/** Signs in through the development login and returns the bearer header to send. */
export async function devLogin(app: AppInstance, openid: string, role?: string): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: role ? { openid, role } : { openid } })
  if (res.statusCode !== 200) throw new Error(`dev login failed: ${res.statusCode} ${res.body}`)
  return { authorization: `Bearer ${res.json().token}` }
}

/** Signs in through the development login as staff of an operator, a street office or the district. */
export async function staffLogin(t: Pick<TestApp, 'app' | 'store' | 'clock'>, openid: string, scopeKind: Grant['scopeKind'], scopeId: string) {
  const headers = await devLogin(t.app, openid)
  await grantStaff(t.store.db.kysely, { user: `dev:${openid}`, scopeKind, scopeId, grantedBy: 'test' }, t.clock.now())
  return headers
}

/**
 * For a describe block: a test app created before its tests and closed after. `t.app` and `t.store` read the
 * current one, so the block's helpers can be written once at the top.
 */
export function useTestApp(database: DatabaseName): Pick<TestApp, 'app' | 'store' | 'clock'> {
  let current: TestApp | undefined
  beforeAll(async () => {
    current = await createTestApp(database)
  })
  afterAll(() => current?.close())
  const live = () => {
    if (!current) throw new Error('the test app is not started yet: use it inside a test or a hook')
    return current
  }
  return {
    get app() {
      return live().app
    },
    get store() {
      return live().store
    },
    get clock() {
      return live().clock
    },
  }
}

/** The `error` of an error answer's body. */
export const errorOf = (body: string) => errorBodySchema.parse(JSON.parse(body)).error
