// npm run bench: the API beside reference routes, each server in its own process with the load generator in
// this one; and the WeChat main package size.
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { type Db, connect } from '../server/db/connection'
import type { DatabaseName } from '../test/support/databases'
import { scaleEvaluation } from './evaluation-scale'
import { lighthouseBench } from './lighthouse'
import { type Row, load, withTarget } from './load'
import type { TargetInfo } from './target'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const READ_CONNECTIONS = 32
const BOOKING_CONNECTIONS = 64
const SELL_OUT = 200
/** Database connections of one instance (the server's default). */
const POOL_MAX = 10
const DATABASES: DatabaseName[] = ['sqlite', 'postgres']

const bare = (connections: number) =>
  withTarget('bare', 'sqlite', (t) => load(`bare Fastify route, ${connections} connections`, { url: `${t.base}/bare`, connections, seconds: SECONDS }))

const facilities = (database: DatabaseName) =>
  withTarget('facilities', database, (t) =>
    load(`GET /api/facilities?lat&lng (${database})`, {
      url: `${t.base}/api/facilities?lat=34.66&lng=109.23`,
      connections: READ_CONNECTIONS,
      seconds: SECONDS,
    }),
  )

const thin = (database: DatabaseName) =>
  withTarget('thin', database, (t) =>
    load(`thinnest booking route (${database})`, {
      url: `${t.base}/thin`,
      method: 'POST',
      connections: BOOKING_CONNECTIONS,
      seconds: SECONDS,
      request: () => ({ headers: {}, body: '{}' }),
      expected: [201],
    }),
  )

/**
 * Orders from the residents in turn, for their mothers, each with a new Idempotency-Key: over `sessions` one after
 * another, so that nobody orders a second meal of the same day and part (one person, one place: a 409, not work).
 */
function orders(t: TargetInfo, sessions: { id: string; setId: string }[]) {
  let turn = 0
  const people = t.residents ?? []
  return () => {
    const person = people[turn % people.length]
    const session = sessions[Math.floor(turn / people.length) % sessions.length]
    turn++
    const body = { sessionId: session.id, memberId: person.memberId, meal: { setId: session.setId, fulfilment: 'dine_in' } }
    return { headers: { authorization: person.authorization, 'idempotency-key': randomUUID() }, body: JSON.stringify(body) }
  }
}

interface SellOut {
  row: Row
  booked: number
  refused: number
  overbooked: number
  /** ms from the first tap until the last place was confirmed: how fast the lunch sold out. */
  soldOutMs: number | undefined
}

const bookings = (database: DatabaseName) =>
  withTarget('booking', database, async (t) => {
    const url = `${t.base}/api/bookings`
    // One turn of orders for the whole run, so that the instances' warm-up below orders meals nobody holds yet.
    const mealOrders = orders(t, t.meals!)
    const real = await load(`POST /api/bookings (${database})`, {
      url,
      method: 'POST',
      connections: BOOKING_CONNECTIONS,
      seconds: SECONDS,
      request: mealOrders,
      expected: [201],
    })

    // 9:59, the last lunches: 64 connections keep tapping until well after they are gone.
    const store = connect(t.store!.url, { searchPath: t.store!.searchPath })
    try {
      const sellOut = await sellOutOf(store, t.small!, (label) =>
        load(label(database), { url, method: 'POST', connections: BOOKING_CONNECTIONS, seconds: 2, request: orders(t, [t.small!]), expected: [201, 409] }, false),
      )
      // The same with two instances of the API on the same database, sharing the connections one instance has: the
      // places are the database's to keep, whichever instance a resident's request reaches.
      const half = [t.store!.url, t.store!.searchPath ?? '', String(POOL_MAX / 2)]
      const twoInstances =
        database === 'postgres' && t.spare
          ? await withTarget('attach', database, (a) =>
              withTarget('attach', database, async (b) => {
                // Warmed as the single instance was by the run before its sell-out (compiled code, open connections,
                // prepared statements), or the comparison measures a cold start.
                await load('warm-up', { url: `${a.base}/api/bookings`, alsoAt: [b.base], method: 'POST', connections: BOOKING_CONNECTIONS, seconds: 2, request: mealOrders, expected: [201] }, false)
                return sellOutOf(store, t.spare!, (label) =>
                  load(
                    `${label(database)}, two instances of ${POOL_MAX / 2} connections`,
                    { url: `${a.base}/api/bookings`, alsoAt: [b.base], method: 'POST', connections: BOOKING_CONNECTIONS, seconds: 2, request: orders(t, [t.spare!]), expected: [201, 409] },
                    false,
                  ),
                )
              }, half),
            half)
          : undefined
      return { real, sellOut, twoInstances }
    } finally {
      await store.close()
    }
  })

/** Sets the session's places to SELL_OUT, runs the rush, and counts what was booked against what was stored. */
async function sellOutOf(store: Db, session: { id: string }, rush: (label: (database: string) => string) => Promise<Row>): Promise<SellOut> {
  await store.kysely.updateTable('sessions').set({ capacity: SELL_OUT }).where('id', '=', session.id).execute()
  const row = await rush((database) => `sell-out of ${SELL_OUT} (${database})`)
  const stored = await store.kysely
    .selectFrom('bookings')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), sql<number>`0`).as('units'))
    .where('session_id', '=', session.id)
    .executeTakeFirstOrThrow()
  const kept = await store.kysely.selectFrom('sessions').select(['booked', 'capacity']).where('id', '=', session.id).executeTakeFirstOrThrow()
  const booked = row.statusCodes.get(201) ?? 0
  const overbooked = Math.max(0, Number(stored.units) - SELL_OUT, kept.booked - kept.capacity, booked - SELL_OUT)
  const confirmed = row.answeredAt.get(201) ?? []
  const soldOutMs = booked >= SELL_OUT ? confirmed[SELL_OUT - 1] : undefined
  return { row, booked, refused: row.statusCodes.get(409) ?? 0, overbooked, soldOutMs }
}

/** 3-night 短期托养 stays starting on any of the 30 nights, for the residents' mothers in turn. */
function stays(t: TargetInfo) {
  let turn = 0
  const people = t.residents ?? []
  const { facilityId, dates } = t.nights!
  return () => {
    const person = people[turn++ % people.length]
    const start = turn % (dates.length - 2)
    const body = {
      sessionId: `${facilityId}-respite-${dates[start]}`,
      memberId: person.memberId,
      throughDate: dates[start + 2],
    }
    return { headers: { authorization: person.authorization, 'idempotency-key': randomUUID() }, body: JSON.stringify(body) }
  }
}

const STAY_BEDS = 4

/** Multi-night stays: throughput with beds to spare, then a sell-out of 4 beds a night with the overbooking count. */
const respite = (database: DatabaseName) =>
  withTarget('booking', database, async (t) => {
    const url = `${t.base}/api/bookings`
    const store = connect(t.store!.url, { searchPath: t.store!.searchPath })
    const nightIds = t.nights!.dates.map((d) => `${t.nights!.facilityId}-respite-${d}`)
    try {
      for (const id of [...nightIds].sort()) {
        await store.kysely.updateTable('sessions').set({ capacity: 1_000_000 }).where('id', '=', id).execute()
      }
      const real = await load(`3-night stays (${database})`, {
        url,
        method: 'POST',
        connections: BOOKING_CONNECTIONS,
        seconds: SECONDS,
        request: stays(t),
        expected: [201],
      })
      // Let the requests still in flight finish before resetting the nights (they hold the rows' locks).
      await new Promise((done) => setTimeout(done, 2000))
      await store.kysely.deleteFrom('booking_sessions').where('session_id', 'in', nightIds).execute()
      await store.kysely.deleteFrom('bookings').where('function_code', '=', 'elderly_care').execute()
      for (const id of [...nightIds].sort()) {
        await store.kysely.updateTable('sessions').set({ capacity: STAY_BEDS, booked: 0 }).where('id', '=', id).execute()
      }
      const row = await load(
        `stays sell-out, ${STAY_BEDS} beds × 30 nights (${database})`,
        { url, method: 'POST', connections: BOOKING_CONNECTIONS, seconds: 2, request: stays(t), expected: [201, 409] },
        false,
      )
      const nights = await store.kysely.selectFrom('sessions').select(['id', 'booked', 'capacity']).where('id', 'in', nightIds).execute()
      const held = await store.kysely
        .selectFrom('booking_sessions')
        .select(['session_id', (eb) => eb.fn.sum<number>('units').as('units')])
        .where('session_id', 'in', nightIds)
        .groupBy('session_id')
        .execute()
      const overbooked = nights.reduce((sum, n) => {
        const units = Number(held.find((h) => h.session_id === n.id)?.units ?? 0)
        return sum + Math.max(0, n.booked - n.capacity, units - n.capacity)
      }, 0)
      const booked = row.statusCodes.get(201) ?? 0
      const confirmed = row.answeredAt.get(201) ?? []
      return { real, sellOut: { row, booked, refused: row.statusCodes.get(409) ?? 0, overbooked, soldOutMs: confirmed[confirmed.length - 1] } satisfies SellOut }
    } finally {
      await store.close()
    }
  })

const line = (cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`)
const ms = (r: Row) => [Math.round(r.rps), r.p50, r.p99, r.serverP50.toFixed(1), r.serverP99.toFixed(1), r.errors]

function sizeOf(path: string): number {
  const info = statSync(path)
  return info.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : info.size
}

/** Everything in dist/weapp outside the subpackage roots named in app.json. */
function mainPackageBytes(): number | null {
  try {
    const appJson = JSON.parse(readFileSync('dist/weapp/app.json', 'utf8'))
    const subRoots = new Set<string>((appJson.subPackages ?? []).map((p: { root: string }) => p.root.replace(/\/$/, '')))
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

// `BENCH_ONLY=booking` (or reads, stays, evaluation, web) runs one table; `npm run bench -- web` is BENCH_ONLY=web.
const ONLY = process.env.BENCH_ONLY ?? (process.argv.includes('web') ? 'web' : undefined)
const runs = (table: string) => !ONLY || ONLY === table
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)

async function main(): Promise<void> {
  if (runs('reads')) await readsTable()
  if (runs('booking')) await bookingTable()
  if (runs('stays')) await staysTable()
  if (runs('evaluation')) await evaluationTable()
  if (runs('web')) await web()
}

async function web(): Promise<void> {
  console.log(`\nH5 on a slow phone — Lighthouse 12.2.3 mobile (simulated slow 4G, 4× CPU), median of ${LIGHTHOUSE_RUNS} runs`)
  console.log('the machine is shared: scores move with its load, so each run is listed; aim: score ≥ 90, LCP ≤ 2.5 s, CLS < 0.1\n')
  line(['page', 'score', 'LCP ms', 'FCP ms', 'TBT ms', 'CLS', 'JS over the wire', 'runs', 'aim'])
  line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---'])
  for (const r of await lighthouseBench(LIGHTHOUSE_RUNS)) {
    const met = r.score >= 90 && r.lcpMs <= 2500 && r.cls < 0.1
    line([r.page, r.score, Math.round(r.lcpMs), Math.round(r.fcpMs), Math.round(r.tbtMs), r.cls.toFixed(3), `${(r.scriptBytes / 1024).toFixed(0)} KB`, r.scores.join(' / '), met ? 'met' : 'not met'])
  }
  weappSize()
}

function weappSize(): void {
  const main = mainPackageBytes()
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  console.log('\nWeChat main package (dist/weapp outside subpackages)\n')
  line(['measure', 'size', 'limit 2 MB', 'Taro blank React app 296 KB', 'aim ≤ 350 KB'])
  line(['---', '---:', '---:', '---:', '---:'])
  if (main === null) line(['main package', 'dist/weapp missing: run npm run build:weapp', '', '', ''])
  else {
    line(['main package', kb(main), `${((main / (2 * 1024 * 1024)) * 100).toFixed(0)}%`, `${(main / (296 * 1024)).toFixed(2)}×`, main <= 350 * 1024 ? 'met' : 'over'])
    line(['whole build incl. subpackages', kb(sizeOf('dist/weapp')), '', '', ''])
  }
}

async function readsTable(): Promise<void> {
  const bare32 = await bare(READ_CONNECTIONS)
  const reads = [bare32]
  for (const database of DATABASES) reads.push(await facilities(database))

  console.log(`\nReads — ${READ_CONNECTIONS} connections, ${SECONDS} s each; each server in its own process`)
  console.log('p50/p99 as the client saw them (socket queueing included); server p50/p99 from its first hook to the response\n')
  line(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'server p50', 'server p99', 'errors', 'ratio to bare'])
  line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
  for (const r of reads) line([r.what, ...ms(r), (r.rps / bare32.rps).toFixed(2)])
}

async function bookingTable(): Promise<void> {
  const bare64 = await bare(BOOKING_CONNECTIONS)
  console.log(`\nBooking — ${BOOKING_CONNECTIONS} connections, ${SECONDS} s each (sell-out 2 s); a new Idempotency-Key per request\n`)
  console.log('a sell-out: its req/s are mostly refusals once the places are gone; "sold out after" is when the last place was confirmed\n')
  line(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'server p50', 'server p99', 'errors', 'overbooked', 'ratio to thinnest', 'sold out after'])
  line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
  line([bare64.what, ...ms(bare64), '', '', ''])
  for (const database of DATABASES) {
    const reference = await thin(database)
    const { real, sellOut, twoInstances } = await bookings(database)
    line([reference.what, ...ms(reference), '', '1.00', ''])
    line([real.what, ...ms(real), '', (real.rps / reference.rps).toFixed(2), ''])
    for (const rush of [sellOut, twoInstances]) {
      if (!rush) continue
      const soldOut = rush.soldOutMs === undefined ? 'not sold out' : `${Math.round(rush.soldOutMs)} ms`
      line([`${rush.row.what}: ${rush.booked} booked, ${rush.refused} × 409 full`, ...ms(rush.row), rush.overbooked, '', soldOut])
    }
  }
}

async function staysTable(): Promise<void> {
  for (const database of DATABASES) {
    const { real, sellOut } = await respite(database)
    line([real.what, ...ms(real), '', ''])
    line([`${sellOut.row.what}: ${sellOut.booked} stays, ${sellOut.refused} × 409`, ...ms(sellOut.row), sellOut.overbooked, ''])
  }
}

async function evaluationTable(): Promise<void> {
  console.log('\nEvaluation of a quarter at district scale (PostgreSQL; data generated once into schema bench_scale)\n')
  const scale = await scaleEvaluation((text) => console.log(`  ${text}`))
  line(['facilities', 'bookings', 'ratings', '差评 cases', 'rows evaluated', 'runs ms', 'aim ≤ 500 ms', 'generated in'])
  line(['---:', '---:', '---:', '---:', '---:', '---:', '---', '---:'])
  line([
    '1000',
    scale.bookings.toLocaleString(),
    scale.ratings.toLocaleString(),
    scale.cases.toLocaleString(),
    String(scale.rows),
    scale.runsMs.join(' / '),
    Math.max(...scale.runsMs) <= 500 ? 'met' : 'not met',
    scale.generatedSeconds === null ? 'kept from an earlier run' : `${scale.generatedSeconds} s`,
  ])
}

main().then(() => process.exit(0), (err) => {
  console.error(err)
  process.exit(1)
})
