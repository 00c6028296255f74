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
  /** When each answer of a status came, in ms from the start of the run, in order. */
  answeredAt: Map<number, number[]>
}

/**
 * Starts bench/target.ts in its own process, runs `work` against it, and stops it (its store is dropped, unless the
 * target only attached to another's store).
 */
export async function withTarget<T>(
  scenario: Scenario,
  database: DatabaseName,
  work: (info: TargetInfo) => Promise<T>,
  args: string[] = [],
): Promise<T> {
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['bench/target.ts', scenario, database, ...args], {
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
  /** The same path on more instances of the server: the connections are shared out among them all. */
  alsoAt?: string[]
  connections: number
  seconds: number
  method?: 'GET' | 'POST'
  /** Headers and body of each request (a new Idempotency-Key each time, say). */
  request?: () => { headers: Record<string, string>; body: string }
  /** Status codes that are answers, not errors. */
  expected?: number[]
}

export async function load(what: string, options: LoadOptions, warmUp = true): Promise<Row> {
  const origins = [options.url, ...(options.alsoAt ?? [])].map((u) => new URL(u).origin)
  const path = new URL(options.url).pathname + new URL(options.url).search
  const statusCodes = new Map<number, number>()
  const answeredAt = new Map<number, number[]>()
  let startedAt = performance.now()
  const one = (origin: string, seconds: number) =>
    autocannon({
      url: origin + path,
      method: options.method ?? 'GET',
      connections: Math.max(1, Math.round(options.connections / origins.length)),
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
            const times = answeredAt.get(status) ?? []
            times.push(performance.now() - startedAt)
            answeredAt.set(status, times)
          },
        },
      ],
    })
  const run = (seconds: number) => Promise.all(origins.map((origin) => one(origin, seconds)))
  const latency = () => Promise.all(origins.map(async (origin) => (await (await fetch(`${origin}/__bench/latency`)).json()) as { p50: number; p99: number }))
  if (warmUp) await run(1)
  await latency()
  statusCodes.clear()
  answeredAt.clear()
  startedAt = performance.now()
  const results = await run(options.seconds)
  const servers = await latency()
  const expected = options.expected ?? [200, 201]
  const unexpected = [...statusCodes].filter(([s]) => !expected.includes(s)).reduce((n, [, c]) => n + c, 0)
  // With several instances: their sum of throughput, and the worst of their latencies.
  const worst = (values: number[]) => Math.max(...values)
  return {
    what,
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: worst(results.map((r) => r.latency.p50)),
    p99: worst(results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0) + unexpected,
    serverP50: worst(servers.map((s) => s.p50)),
    serverP99: worst(servers.map((s) => s.p99)),
    statusCodes,
    answeredAt,
  }
}
