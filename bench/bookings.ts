// Booking throughput: the real POST /api/bookings (auth, rules, quote, idempotency, guarded update) beside the
// thinnest booking route possible on the same store (one guarded update and one insert in a transaction).
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { sql } from 'kysely'
import { buildApp } from '../server/app'
import type { AppInstance } from '../server/app-instance'
import { loadConfig } from '../server/config'
import type { Db } from '../server/db/connection'
import { addDays, shanghaiDate } from '../server/time/shanghai'
import { type DatabaseName, createTestDb } from '../test/support/databases'
import { MEMBER_CONSENT } from '../types/member'

export const BOOKING_CONNECTIONS = 64
const RESIDENTS = 64

export interface BookingRow {
  what: string
  rps: number
  p50: number
  p99: number
  /** Responses other than 201 (and, in a sell-out, other than 409 full). */
  errors: number
  overbooked?: number
  sold?: string
}

interface Listening {
  app: AppInstance
  base: string
}

async function listen(db: Db): Promise<Listening> {
  const app = await buildApp({
    config: loadConfig({ STATIC_DIR: 'bench/no-static', LOG_LEVEL: 'silent', AUTH_DEV_LOGIN: '1' }),
    db,
    logger: false,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

/** Residents, each with an elderly mother to order for, as the real traffic is. */
async function residents(app: AppInstance): Promise<{ authorization: string; memberId: string }[]> {
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

async function tomorrowsLunch(db: Db, facilityId: string): Promise<{ id: string; setId: string }> {
  const date = addDays(shanghaiDate(new Date()), 1)
  const session = await db.kysely
    .selectFrom('sessions')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('date', '=', date)
    .where('part', '=', 'lunch')
    .executeTakeFirstOrThrow()
  const set = await db.kysely.selectFrom('meal_sets').select('id').where('session_id', '=', session.id).executeTakeFirstOrThrow()
  return { id: session.id, setId: set.id }
}

async function hammer(
  url: string,
  seconds: number,
  request: () => { headers: Record<string, string>; body: string },
): Promise<autocannon.Result & { statusCodes: Map<number, number> }> {
  const statusCodes = new Map<number, number>()
  const instance = autocannon({
    url,
    method: 'POST',
    connections: BOOKING_CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const { headers, body } = request()
          return { ...req, headers: { ...req.headers, 'content-type': 'application/json', ...headers }, body }
        },
        onResponse: (status) => {
          statusCodes.set(status, (statusCodes.get(status) ?? 0) + 1)
        },
      },
    ],
  })
  const result = await instance
  return Object.assign(result, { statusCodes })
}

/** The real endpoint: throughput on a big session, then a sell-out of a small one to count overbooking. */
export async function realBookings(database: DatabaseName, seconds: number): Promise<BookingRow[]> {
  const store = await createTestDb(database)
  const { app, base } = await listen(store.db)
  try {
    const people = await residents(app)
    const big = await tomorrowsLunch(store.db, 'yl-hangkong-erlu')
    await store.db.kysely.updateTable('sessions').set({ capacity: 10_000_000 }).where('id', '=', big.id).execute()
    let turn = 0
    const order = (session: { id: string; setId: string }) => () => {
      const person = people[turn++ % people.length]
      return {
        headers: { authorization: person.authorization, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ sessionId: session.id, memberId: person.memberId, meal: { setId: session.setId, fulfilment: 'dine_in' } }),
      }
    }
    await hammer(`${base}/api/bookings`, 1, order(big)) // warm-up
    const r = await hammer(`${base}/api/bookings`, seconds, order(big))
    const throughput: BookingRow = {
      what: `POST /api/bookings (${database})`,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + [...r.statusCodes].filter(([s]) => s !== 201).reduce((n, [, c]) => n + c, 0),
    }

    // 9:59, the last 200 lunches: 64 connections keep tapping until well after they are gone.
    const CAPACITY = 200
    const small = await tomorrowsLunch(store.db, 'yl-jiayuan')
    await store.db.kysely.updateTable('sessions').set({ capacity: CAPACITY }).where('id', '=', small.id).execute()
    const sellOut = await hammer(`${base}/api/bookings`, 2, order(small))
    const stored = await store.db.kysely
      .selectFrom('bookings')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), sql<number>`0`).as('units'))
      .where('session_id', '=', small.id)
      .executeTakeFirstOrThrow()
    const session = await store.db.kysely.selectFrom('sessions').select(['booked', 'capacity']).where('id', '=', small.id).executeTakeFirstOrThrow()
    const created = sellOut.statusCodes.get(201) ?? 0
    return [
      throughput,
      {
        what: `sell-out of ${CAPACITY} (${database})`,
        rps: sellOut.requests.average,
        p50: sellOut.latency.p50,
        p99: sellOut.latency.p99,
        errors: sellOut.errors + [...sellOut.statusCodes].filter(([s]) => s !== 201 && s !== 409).reduce((n, [, c]) => n + c, 0),
        overbooked: Math.max(0, Number(stored.units) - CAPACITY, session.booked - session.capacity, created - CAPACITY),
        sold: `${created} booked, ${sellOut.statusCodes.get(409) ?? 0} × 409 full`,
      },
    ]
  } finally {
    await app.close()
    await store.drop()
  }
}

/** The reference: a guarded update and an insert in one transaction, nothing else (no auth, no rules, no zod). */
async function thinBookings(database: DatabaseName, seconds: number): Promise<BookingRow> {
  const store = await createTestDb(database)
  const db = store.db.kysely
  await sql`create table thin_bookings (id text primary key, session_id text not null, created_at text not null)`.execute(db)
  const session = await tomorrowsLunch(store.db, 'yl-hangkong-erlu')
  await db.updateTable('sessions').set({ capacity: 10_000_000 }).where('id', '=', session.id).execute()
  const app = Fastify({ logger: false })
  app.post('/thin', async (_request, reply) => {
    const ok = await db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('sessions')
        .set((eb) => ({ booked: eb('booked', '+', 1) }))
        .where('id', '=', session.id)
        .where((eb) => eb(eb('booked', '+', 1), '<=', eb.ref('capacity')))
        .executeTakeFirst()
      if (taken.numUpdatedRows !== 1n) return false
      await sql`insert into thin_bookings (id, session_id, created_at) values (${randomUUID()}, ${session.id}, ${new Date().toISOString()})`.execute(trx)
      return true
    })
    return reply.code(ok ? 201 : 409).send({ ok })
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/thin`
  try {
    const body = () => ({ headers: {}, body: '{}' })
    await hammer(url, 1, body)
    const r = await hammer(url, seconds, body)
    return {
      what: `thinnest booking route (${database})`,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + [...r.statusCodes].filter(([s]) => s !== 201).reduce((n, [, c]) => n + c, 0),
    }
  } finally {
    await app.close()
    await store.drop()
  }
}

export async function bookingBench(seconds: number): Promise<{ database: DatabaseName; rows: BookingRow[] }[]> {
  const results: { database: DatabaseName; rows: BookingRow[] }[] = []
  for (const database of ['sqlite', 'postgres'] as const) {
    const thin = await thinBookings(database, seconds)
    const real = await realBookings(database, seconds)
    results.push({ database, rows: [thin, ...real] })
  }
  return results
}
