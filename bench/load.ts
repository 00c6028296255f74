import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import type { DatabaseName } from '../test/support/databases'
import type { Scenario, TargetInfo } from './target'

export interface Row {
  what: string
  rps: number
  p50: number
  p99: number
  /** Network errors and answers other than the expected ones. */
  errors: number
  /** Inside the server, from its first hook to the response (no socket queueing). */
  serverP50: number
  serverP99: number
  statusCodes: Map<number, number>
}

/** Starts bench/target.ts in its own process, runs `work` against it, and stops it (its store is dropped). */
export async function withTarget<T>(
  scenario: Scenario,
  database: DatabaseName,
  work: (info: TargetInfo) => Promise<T>,
): Promise<T> {
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['bench/target.ts', scenario, database], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((done) => child.once('exit', done))
  try {
    const line = await new Promise<string>((done, fail) => {
      createInterface({ input: child.stdout! }).once('line', done)
      child.once('exit', (code) => fail(new Error(`bench target ${scenario} exited with ${code}`)))
    })
    return await work(JSON.parse(line) as TargetInfo)
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

export interface LoadOptions {
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'POST'
  /** Headers and body of each request (a new Idempotency-Key each time, say). */
  request?: () => { headers: Record<string, string>; body: string }
  /** Status codes that are answers, not errors. */
  expected?: number[]
}

export async function load(what: string, options: LoadOptions, warmUp = true): Promise<Row> {
  const run = async (seconds: number) => {
    const statusCodes = new Map<number, number>()
    const result = await autocannon({
      url: options.url,
      method: options.method ?? 'GET',
      connections: options.connections,
      duration: seconds,
      requests: [
        {
          setupRequest: (req) => {
            if (!options.request) return req
            const { headers, body } = options.request()
            return { ...req, headers: { ...req.headers, 'content-type': 'application/json', ...headers }, body }
          },
          onResponse: (status) => {
            statusCodes.set(status, (statusCodes.get(status) ?? 0) + 1)
          },
        },
      ],
    })
    return { result, statusCodes }
  }
  const latencyUrl = `${new URL(options.url).origin}/__bench/latency`
  if (warmUp) await run(1)
  await fetch(latencyUrl)
  const { result, statusCodes } = await run(options.seconds)
  const server = (await (await fetch(latencyUrl)).json()) as { p50: number; p99: number }
  const expected = options.expected ?? [200, 201]
  const unexpected = [...statusCodes].filter(([s]) => !expected.includes(s)).reduce((n, [, c]) => n + c, 0)
  return {
    what,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
    serverP50: server.p50,
    serverP99: server.p99,
    statusCodes,
  }
}
