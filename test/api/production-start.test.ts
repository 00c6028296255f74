import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../support/server-process'

jest.setTimeout(60_000)

// Production as `npm run build`, `npm run migrate` and `NODE_ENV=production npm run serve` run it: plain node on the
// compiled server, no tsx, no sample data, no development login.
const file = join(tmpdir(), `doorstep-production-${process.pid}.db`)
// A port the system picks before the suite (beforeAll): one derived from the pid could be taken by another suite's
// server, and the server here then exited at once while the test waited for it.
const READY: Record<string, string> = {
  NODE_ENV: 'production',
  DATABASE_URL: `sqlite:${file}`,
  WECHAT_APPID: 'wx-test-appid',
  WECHAT_SECRET: 'test-secret',
  WECHAT_TEMPLATE_BOOKED: 'tpl-booked',
  WECHAT_TEMPLATE_REMINDER: 'tpl-reminder',
  WECHAT_TEMPLATE_CANCELLED: 'tpl-cancelled',
  // The fake WeChat is not needed: nothing here sends.
  WECHAT_API_BASE: 'http://127.0.0.1:9',
  PORT: '',
  HOST: '127.0.0.1',
  STATIC_DIR: 'test/no-static',
  LOG_LEVEL: 'warn',
}
// Only what a production operator would set: none of this test process's own settings leak in.
const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } as unknown as NodeJS.ProcessEnv
const node = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [resolve('dist/server', script)], { env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 30_000 })

async function serve(env: Record<string, string>): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [resolve('dist/server/main.js')], { env: { ...baseEnv, ...env }, stdio: 'ignore' })
  const gone = () => child.exitCode !== null || child.signalCode !== null
  for (let i = 0; i < 100 && !gone(); i++) {
    const up = await fetch(`http://127.0.0.1:${env.PORT}/api/health`).then((r) => r.ok, () => false)
    if (up) break
    await new Promise((r) => setTimeout(r, 100))
  }
  // A server that ended at once says so here, not as a test that waits for it to stop until it times out.
  if (gone()) throw new Error(`the production server exited with ${child.exitCode ?? child.signalCode} before it served`)
  return {
    stop: async () => {
      if (gone()) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}
const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${READY.PORT}${path}`, init)

beforeAll(async () => {
  READY.PORT = String(await freePort())
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--server-only'], { encoding: 'utf8' })
  expect(built.status).toBe(0)
})
afterAll(() => {
  for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true })
})

it('refuses to start with the development login on, and names every missing setting', () => {
  const devLogin = node('main.js', { ...READY, AUTH_DEV_LOGIN: '1' })
  expect(devLogin.status).toBe(1)
  expect(devLogin.stderr).toContain('AUTH_DEV_LOGIN=1：生产环境不能开启开发登录')

  const bare = node('main.js', { NODE_ENV: 'production', PORT: READY.PORT })
  expect(bare.status).toBe(1)
  for (const name of ['DATABASE_URL', 'WECHAT_APPID', 'WECHAT_SECRET', 'WECHAT_TEMPLATE_BOOKED', 'WECHAT_TEMPLATE_REMINDER', 'WECHAT_TEMPLATE_CANCELLED']) {
    expect(bare.stderr).toContain(`${name} 未设置`)
  }
})

it('does not migrate by itself: it asks for npm run migrate, which brings the schema up', () => {
  const early = node('main.js', READY)
  expect(early.status).toBe(1)
  expect(early.stderr).toContain('请先运行 npm run migrate')
  const migrated = node('migrate.js', READY)
  expect(migrated.status).toBe(0)
  expect(migrated.stdout).toContain('migrated sqlite: 001_foundation')
  expect(node('migrate.js', READY).stdout).toContain('up to date')
})

it('serves an empty district with no sample data and no development login, start after start', async () => {
  for (let start = 0; start < 2; start++) {
    const server = await serve(READY)
    try {
      const list = await api('/api/facilities')
      expect(list.status).toBe(200)
      expect(await list.json()).toEqual({ facilities: [] })
      const dev = await api('/api/auth/dev', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"identity":"x"}' })
      expect(dev.status).toBe(404)
    } finally {
      await server.stop()
    }
  }
})
