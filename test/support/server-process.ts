import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ServerProcess {
  baseUrl: string
  stop(): Promise<void>
  /** SIGKILL, as a crash or an OOM kill would: no shutdown hook runs. */
  kill(): Promise<void>
}

/** A port nothing listens on now (the system's pick), for a server process to take. */
export function freePort(): Promise<number> {
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

/**
 * `server/main.ts` as its own process, migrations, seed and all, as `npm run server`: on a fresh SQLite file, or on
 * the store `databaseUrl` names (left in place when the process stops).
 */
export async function startServerProcess(env: Record<string, string> = {}, databaseUrl?: string): Promise<ServerProcess> {
  const port = await freePort()
  const file = join(tmpdir(), `doorstep-proc-${port}-${Date.now()}.db`)
  // node itself with tsx's loader, not the tsx wrapper: a signal reaches the server, not a parent that relays it.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl ?? `sqlite:${file}`,
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
  for (let i = 0; i < 300 && !(await healthy(baseUrl)); i++) await new Promise((r) => setTimeout(r, 100))
  if (!(await healthy(baseUrl))) {
    child.kill('SIGKILL')
    throw new Error('the API process did not become healthy')
  }
  const exit = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill(signal)
    await exited
    if (!databaseUrl) for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true })
  }
  return { baseUrl, stop: () => exit('SIGTERM'), kill: () => exit('SIGKILL') }
}
