import type { AddressInfo } from 'node:net'
import { buildApp } from '../../server/app'
import type { AppInstance } from '../../server/app-instance'
import { loadConfig } from '../../server/config'
import { createTestDb, type TestDb } from './databases'

export interface ServedApp {
  baseUrl: string
  /** The app answering now (a new one after `resume`). */
  readonly app: AppInstance
  store: TestDb
  /** The server goes down (as when the network is lost): nothing answers at `baseUrl` until `resume`. */
  stop(): Promise<void>
  /** The server is back on the same address, with the same store. */
  resume(): Promise<void>
  close(): Promise<void>
}

/**
 * The real API on a fresh SQLite file, listening on a loopback port and serving the H5 build in dist/h5. A browser
 * test runs against the wall clock, as the browser itself does, unless it stands both somewhere else (a
 * TestClock here, `page.clock.setFixedTime` there: the desk on a booking's service day).
 */
export async function serveApp(env: Record<string, string> = {}, clock: () => Date = () => new Date()): Promise<ServedApp> {
  const store = await createTestDb('sqlite', {}, clock())
  const config = loadConfig({
    AUTH_DEV_LOGIN: '1',
    STATIC_DIR: 'dist/h5',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RATE_LIMIT_WRITES_PER_MINUTE: '0',
    ...env,
  })
  const start = async (port: number) => {
    const app = await buildApp({ config, db: store.db, logger: false, clock })
    await app.listen({ port, host: '127.0.0.1' })
    return app
  }
  let app: AppInstance | null = await start(0)
  const { port } = app.server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get app() {
      if (!app) throw new Error('the served app is stopped')
      return app
    },
    store,
    stop: async () => {
      if (!app) return
      const closing = app.close()
      // As when the network goes: whatever was under way is cut off too (and close does not wait for it).
      app.server.closeAllConnections()
      await closing
      app = null
    },
    resume: async () => {
      app ??= await start(port)
    },
    close: async () => {
      await app?.close()
      await store.drop()
    },
  }
}
