import type { AddressInfo } from 'node:net'
import { buildApp } from '../../server/app'
import type { AppInstance } from '../../server/app-instance'
import { loadConfig } from '../../server/config'
import { createTestDb, type TestDb } from './databases'

export interface ServedApp {
  baseUrl: string
  app: AppInstance
  store: TestDb
  close(): Promise<void>
}

/**
 * The real API on a fresh SQLite file, listening on a loopback port and serving the H5 build in dist/h5. A browser
 * test runs against the wall clock, as the browser itself does, unless it stands both somewhere else (a
 * TestClock here, `page.clock.setFixedTime` there: the desk on a booking's service day).
 */
export async function serveApp(env: Record<string, string> = {}, clock: () => Date = () => new Date()): Promise<ServedApp> {
  const store = await createTestDb('sqlite', {}, clock())
  const config = loadConfig({ AUTH_DEV_LOGIN: '1', STATIC_DIR: 'dist/h5', LOG_LEVEL: 'silent', ...env })
  const app = await buildApp({ config, db: store.db, logger: false, clock })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    store,
    close: async () => {
      await app.close()
      await store.drop()
    },
  }
}
