import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface ServerProcess {
  baseUrl: string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

function healthy(baseUrl: string): Promise<boolean> {
  return new Promise((done) => {
    get(`${baseUrl}/api/health`, (res) => {
      res.resume()
      done(res.statusCode === 200)
    }).on('error', () => done(false))
  })
}

/** `server/main.ts` as its own process on a fresh SQLite file: migrations, seed and all, as `npm run server`. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort()
  const file = join(tmpdir(), `doorstep-proc-${port}-${Date.now()}.db`)
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${file}`,
      AUTH_DEV_LOGIN: '1',
      LOG_LEVEL: 'warn',
      STATIC_DIR: 'test/no-static',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100 && !(await healthy(baseUrl)); i++) await new Promise((r) => setTimeout(r, 100))
  if (!(await healthy(baseUrl))) {
    child.kill('SIGKILL')
    throw new Error('the API process did not become healthy')
  }
  return {
    baseUrl,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true })
    },
  }
}
