// npm run bench: API throughput and latency beside a bare Fastify route, and the WeChat main package size.
import { readdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { buildApp } from '../server/app'
import { BOOKING_CONNECTIONS, bookingBench } from './bookings'
import { loadConfig } from '../server/config'
import { type DatabaseName, createTestDb } from '../test/support/databases'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 32

interface Row {
  what: string
  rps: number
  p50: number
  p99: number
  errors: number
}

async function measure(what: string, url: string): Promise<Row> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1 }) // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S })
  return { what, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx }
}

async function bareFastify(): Promise<Row> {
  const app = Fastify({ logger: false })
  app.get('/bare', async () => ({ ok: true }))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  try {
    return await measure('bare Fastify route', `http://127.0.0.1:${port}/bare`)
  } finally {
    await app.close()
  }
}

async function facilitiesOn(database: DatabaseName): Promise<Row> {
  const store = await createTestDb(database)
  const app = await buildApp({
    config: loadConfig({ STATIC_DIR: 'bench/no-static', LOG_LEVEL: 'silent' }),
    db: store.db,
    logger: false,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  try {
    return await measure(
      `GET /api/facilities?lat&lng (${database})`,
      `http://127.0.0.1:${port}/api/facilities?lat=34.66&lng=109.23`,
    )
  } finally {
    await app.close()
    await store.drop()
  }
}

function sizeOf(path: string): number {
  const info = statSync(path)
  return info.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : info.size
}

/** Everything in dist/weapp outside the subpackage roots named in app.json. */
function mainPackageBytes(): number | null {
  try {
    const appJson = JSON.parse(require('node:fs').readFileSync('dist/weapp/app.json', 'utf8'))
    const subRoots = new Set<string>((appJson.subPackages ?? appJson.subpackages ?? []).map((p: { root: string }) => p.root.replace(/\/$/, '')))
    const walk = (dir: string, rel = ''): number =>
      readdirSync(dir).reduce((sum, name) => {
        const relPath = rel ? `${rel}/${name}` : name
        if (subRoots.has(relPath)) return sum
        const full = join(dir, name)
        return sum + (statSync(full).isDirectory() ? walk(full, relPath) : statSync(full).size)
      }, 0)
    return walk('dist/weapp')
  } catch {
    return null
  }
}

async function main(): Promise<void> {
  const bare = await bareFastify()
  const rows = [bare, await facilitiesOn('sqlite'), await facilitiesOn('postgres')]

  console.log(`\nAPI throughput — ${CONNECTIONS} connections, ${DURATION_S} s each, load generator in the same process\n`)
  console.log('| endpoint | req/s | p50 ms | p99 ms | errors | ratio to bare |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const r of rows) {
    const ratio = (r.rps / bare.rps).toFixed(2)
    console.log(`| ${r.what} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`)
  }

  console.log(`\nBooking — ${BOOKING_CONNECTIONS} connections, ${DURATION_S} s each (sell-out: 2 s), each request a new Idempotency-Key\n`)
  console.log('| endpoint | req/s | p50 ms | p99 ms | errors | overbooked | ratio to thinnest |')
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const { rows: [thin, ...real] } of await bookingBench(DURATION_S)) {
    for (const r of [thin, ...real]) {
      const ratio = r.overbooked === undefined ? (r.rps / thin.rps).toFixed(2) : ''
      const what = r.sold ? `${r.what}: ${r.sold}` : r.what
      console.log(`| ${what} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.overbooked ?? ''} | ${ratio} |`)
    }
  }
  console.log(`| bare Fastify route (above) | ${Math.round(bare.rps)} | ${bare.p50} | ${bare.p99} | ${bare.errors} | | |`)

  const main = mainPackageBytes()
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  console.log('\nWeChat main package (dist/weapp outside subpackages)\n')
  console.log('| measure | size | limit 2 MB | Taro blank React app 296 KB | aim ≤ 400 KB |')
  console.log('|---|---:|---:|---:|---:|')
  if (main === null) console.log('| main package | dist/weapp missing: run npm run build:weapp | | | |')
  else {
    console.log(
      `| main package | ${kb(main)} | ${((main / (2 * 1024 * 1024)) * 100).toFixed(0)}% | ${(main / (296 * 1024)).toFixed(2)}× | ${main <= 400 * 1024 ? 'met' : 'over'} |`,
    )
    console.log(`| whole build incl. subpackages | ${kb(sizeOf('dist/weapp'))} | | | |`)
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
