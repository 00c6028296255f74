import { buildApp } from '../../server/app'
import type { AppInstance } from '../../server/app-instance'
import { type Config, loadConfig } from '../../server/config'
import { type DatabaseName, type TestDb, createTestDb } from './databases'

export interface TestApp {
  app: AppInstance
  store: TestDb
  close(): Promise<void>
}

/** The real app on a fresh store, for `app.inject`; development login on unless the test says otherwise. */
export async function createTestApp(
  database: DatabaseName,
  env: Record<string, string> = {},
  logger?: Parameters<typeof buildApp>[0]['logger'],
  clock?: () => Date,
): Promise<TestApp> {
  const store = await createTestDb(database)
  const config: Config = loadConfig({ AUTH_DEV_LOGIN: '1', STATIC_DIR: 'test/no-static', LOG_LEVEL: 'silent', ...env })
  const app = await buildApp({ config, db: store.db, logger: logger ?? false, clock })
  await app.ready()
  return {
    app,
    store,
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
