// The server under test, in its own process so that it has a core of its own and the load generator
// (bench/run.ts) does not steal its event loop. Prints one JSON line describing what it serves, then serves
// until SIGTERM, when it drops its store.
//
//   tsx bench/target.ts <bare|facilities|thin|booking> <sqlite|postgres>
//   tsx bench/target.ts attach postgres <url> <schema> <pool>   (one more instance of the API on a running target's store)
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../server/app'
import type { AppInstance } from '../server/app-instance'
import { loadConfig } from '../server/config'
import { type Db, connect } from '../server/db/connection'
import { addDays, shanghaiDate } from '../server/time/shanghai'
import { type DatabaseName, type TestDb, createTestDb } from '../test/support/databases'
import { MEMBER_CONSENT } from '../types/member'

export type Scenario = 'bare' | 'facilities' | 'thin' | 'booking' | 'attach'

/** What the target prints for the load generator. */
export interface TargetInfo {
  base: string
  store?: { url: string; searchPath?: string }
  residents?: { authorization: string; memberId: string }[]
  /** A lunch with room for any run, and one whose capacity the sell-out sets. */
  big?: { id: string; setId: string }
  /**
   * Lunches and dinners of the coming days at one kitchen, with room for any run: one person holds one place a day
   * and part, so a throughput run spreads its orders over these (1,024 people × up to 12 meals before anyone repeats).
   */
  meals?: { id: string; setId: string }[]
  small?: { id: string; setId: string }
  /** Another meal of the small kitchen: the sell-out again, with two instances of the API. */
  spare?: { id: string; setId: string }
  /** 短期托养: the first of the nights stays may start on, and how many. */
  nights?: { firstId: string; facilityId: string; dates: string[] }
}

// Enough people that a sell-out of 200 is reached before everyone holds their one place, and that a throughput run
// on SQLite (1,100 bookings a second, 6 s with the warm-up) never runs out of people free to book: with 256 it did,
// and more than half its answers were 409 「已预约」 instead of bookings.
const RESIDENTS = 1024

/**
 * Times each request inside the server, from its first hook to its response: what a request costs the server,
 * apart from the time it waited in the socket queue because 64 connections keep more requests coming than a
 * saturated process can take. `GET /__bench/latency` answers the percentiles since the last call and resets.
 */
function instrument(app: FastifyInstance): void {
  const started = new WeakMap<object, bigint>()
  let durations: number[] = []
  app.addHook('onRequest', async (request) => {
    started.set(request, process.hrtime.bigint())
  })
  app.addHook('onResponse', async (request) => {
    const t0 = started.get(request)
    if (t0 !== undefined && !request.url.startsWith('/__bench')) durations.push(Number(process.hrtime.bigint() - t0) / 1e6)
  })
  app.get('/__bench/latency', async () => {
    const sorted = durations.sort((a, b) => a - b)
    durations = []
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0
    return { n: sorted.length, p50: at(0.5), p99: at(0.99) }
  })
}

async function api(db: Db): Promise<AppInstance> {
  const app = await buildApp({
    config: loadConfig({
      STATIC_DIR: 'bench/no-static',
      LOG_LEVEL: 'silent',
      AUTH_DEV_LOGIN: '1',
      // The benchmark measures the work, not the limits against abuse.
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
    }),
    db,
    logger: false,
    clock: () => new Date(),
  })
  instrument(app)
  return app
}

async function tomorrowsLunch(db: Db, facilityId: string): Promise<{ id: string; setId: string }> {
  const session = await db.kysely
    .selectFrom('sessions')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('date', '=', addDays(shanghaiDate(new Date()), 1))
    .where('part', '=', 'lunch')
    .executeTakeFirstOrThrow()
  const set = await db.kysely.selectFrom('meal_sets').select('id').where('session_id', '=', session.id).executeTakeFirstOrThrow()
  return { id: session.id, setId: set.id }
}

async function mealOf(db: Db, facilityId: string, date: string, part: string): Promise<{ id: string; setId: string } | undefined> {
  const session = await db.kysely
    .selectFrom('sessions')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('date', '=', date)
    .where('part', '=', part)
    .where('function_code', '=', 'meal')
    .executeTakeFirst()
  if (!session) return undefined
  const set = await db.kysely.selectFrom('meal_sets').select('id').where('session_id', '=', session.id).executeTakeFirst()
  return set && { id: session.id, setId: set.id }
}

/** Residents, each with an elderly mother to order for, as the real traffic is. */
function residents(app: AppInstance): Promise<NonNullable<TargetInfo['residents']>> {
  return Promise.all(
    Array.from({ length: RESIDENTS }, async (_, i) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: `bench-${i}` } })
      const authorization = `Bearer ${login.json().token}`
      const member = await app.inject({
        method: 'POST',
        url: '/api/me/members',
        headers: { authorization },
        payload: { name: `居民${i}`, relation: '母亲', birthDate: '1944-03-02', districtId: 'xa-yanliang', consentVersion: MEMBER_CONSENT.version },
      })
      return { authorization, memberId: member.json().id as string }
    }),
  )
}

/** The reference booking: a guarded update and an insert in one transaction; no auth, rules or validation. */
async function thinRoute(db: Db, sessionId: string): Promise<FastifyInstance> {
  await sql`create table thin_bookings (id text primary key, session_id text not null, created_at text not null)`.execute(db.kysely)
  const app = Fastify({ logger: false })
  instrument(app)
  app.post('/thin', async (_request, reply) => {
    const ok = await db.kysely.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('sessions')
        .set((eb) => ({ booked: eb('booked', '+', 1) }))
        .where('id', '=', sessionId)
        .where((eb) => eb(eb('booked', '+', 1), '<=', eb.ref('capacity')))
        .executeTakeFirst()
      if (taken.numUpdatedRows !== 1n) return false
      await sql`insert into thin_bookings (id, session_id, created_at) values (${randomUUID()}, ${sessionId}, ${new Date().toISOString()})`.execute(trx)
      return true
    })
    return reply.code(ok ? 201 : 409).send({ ok })
  })
  return app
}

async function start(scenario: Scenario, database: DatabaseName): Promise<{ app: FastifyInstance; info: Omit<TargetInfo, 'base'>; store?: TestDb }> {
  if (scenario === 'bare') {
    const app = Fastify({ logger: false })
    instrument(app)
    app.get('/bare', async () => ({ ok: true }))
    return { app, info: {} }
  }
  if (scenario === 'attach') {
    const [url, searchPath, poolMax] = process.argv.slice(4)
    const db = connect(url, { searchPath: searchPath || undefined, poolMax: Number(poolMax) || undefined })
    const app = await api(db)
    app.addHook('onClose', () => db.close())
    return { app, info: {} }
  }
  // As server/main.ts connects: SQLite checkpoints in the background.
  const store = await createTestDb(database, { backgroundCheckpoint: true })
  const storeInfo = { url: store.url, searchPath: store.searchPath }
  if (scenario === 'facilities') return { app: await api(store.db), info: { store: storeInfo }, store }

  const big = await tomorrowsLunch(store.db, 'yl-hangkong-erlu')
  const small = await tomorrowsLunch(store.db, 'yl-jiayuan')
  await store.db.kysely.updateTable('sessions').set({ capacity: 10_000_000 }).where('id', '=', big.id).execute()
  if (scenario === 'thin') return { app: await thinRoute(store.db, big.id), info: { store: storeInfo, big }, store }
  const app = await api(store.db)
  const meals = []
  // From the day after tomorrow: tomorrow's lunch is the sell-out's, which the same people must still be free to order.
  for (const days of [2, 3, 4, 5, 6, 7]) {
    for (const part of ['lunch', 'dinner']) {
      const meal = await mealOf(store.db, 'yl-hangkong-erlu', addDays(shanghaiDate(new Date()), days), part)
      if (meal) meals.push(meal)
    }
  }
  await store.db.kysely.updateTable('sessions').set({ capacity: 10_000_000 }).where('id', 'in', meals.map((m) => m.id)).execute()
  const nights = await store.db.kysely
    .selectFrom('sessions')
    .select(['id', 'date'])
    .where('facility_id', '=', 'yl-jiayuan')
    .where('function_code', '=', 'elderly_care')
    .where('date', '>', addDays(shanghaiDate(new Date()), 1))
    .orderBy('date')
    .limit(30)
    .execute()
  // Tomorrow's dinner: nobody holds it (the throughput run orders from the day after tomorrow).
  const spare = await mealOf(store.db, 'yl-jiayuan', addDays(shanghaiDate(new Date()), 1), 'dinner')
  const info = {
    store: storeInfo,
    big,
    small,
    spare,
    meals,
    residents: await residents(app),
    nights: { firstId: nights[0].id, facilityId: 'yl-jiayuan', dates: nights.map((n) => n.date) },
  }
  return { app, info, store }
}

async function main(): Promise<void> {
  const [scenario, database] = process.argv.slice(2) as [Scenario, DatabaseName]
  const { app, info, store } = await start(scenario, database ?? 'sqlite')
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  process.stdout.write(`${JSON.stringify({ ...info, base })}\n`)
  process.once('SIGTERM', async () => {
    await app.close()
    await store?.drop()
    process.exit(0)
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
