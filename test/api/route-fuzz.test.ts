import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { errorBodySchema } from '@shared/errors'
import type { OpenApiDocument } from '../../server/http/openapi'
import { type TestApp, createTestApp } from '../support/app'
import { DATABASES } from '../support/databases'
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat'
import { type FuzzCase, fuzzCases } from '../support/fuzz-cases'
import { type Identity, type World, concretePath, createWorld } from '../support/identities'

/**
 * Every operation of the API's OpenAPI document (which test/api/openapi.test.ts holds to the route table), fed
 * malformed requests derived from its schemas, as four callers: none of them
 * may make a 500, every 400 names the field and why in words a resident reads, a refused request writes
 * nothing, and nothing is logged as a failure of the server.
 */
const CALLERS: Identity[] = ['anonymous', 'resident', 'operator', 'district']

/** Things whose names are the API's own and must not be read by a resident in a message. */
const internalName = (field: string) =>
  field
    .split('.')
    .filter((part) => part.length >= 3 && /[a-z]/.test(part) && !['body', 'querystring', 'params', 'headers'].includes(part))

/** `/api/bookings/{id}` → `/api/bookings/:id`, as the route table and the test's paths name it. */
const fastifyPath = (path: string) => path.replace(/\{([A-Za-z]+)\}/g, ':$1')

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  )

describe.each(DATABASES)('malformed requests to every route, on %s', (database) => {
  let t: TestApp
  let world: World
  let doc: OpenApiDocument
  let wechat: FakeWechat
  const errorsLogged: string[] = []
  beforeAll(async () => {
    wechat = await startFakeWechat()
    const log = new Writable({
      write(chunk, _encoding, done) {
        const line = JSON.parse(String(chunk)) as { level: number; msg: string }
        if (line.level >= 50) errorsLogged.push(String(chunk).slice(0, 400))
        done()
      },
    })
    t = await createTestApp(
      database,
      { WECHAT_API_BASE: wechat.base, WECHAT_APPID: 'wx-fuzz', WECHAT_SECRET: 'fuzz', LOG_LEVEL: 'info' },
      { level: 'info', stream: log },
    )
    world = await createWorld(t)
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json()
  })
  afterAll(async () => {
    await t.close()
    await wechat.close()
  })

  /** The store's own tables (on PostgreSQL, of this test's schema only: other suites come and go meanwhile). */
  async function tableNames(): Promise<string[]> {
    const query =
      t.store.db.kind === 'postgres'
        ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
        : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
    return (await query.execute(t.store.db.kysely)).rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'))
  }

  /** One query counting the rows of every table: what a refused request must leave as it found it. */
  let tables: string[] = []
  async function rowCounts(): Promise<Record<string, number>> {
    if (tables.length === 0) tables = await tableNames()
    const counts = sql.join(tables.map((name) => sql`(select count(*) from ${sql.table(name)}) as ${sql.ref(name)}`))
    const row = (await sql<Record<string, number | string>>`select ${counts}`.execute(t.store.db.kysely)).rows[0]
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]))
  }

  const send = (c: FuzzCase) =>
    t.app.inject({
      method: c.method as 'GET',
      url: c.url,
      headers: c.headers,
      ...(c.raw !== undefined ? { payload: c.raw } : c.payload !== undefined ? { payload: c.payload as object } : {}),
    })

  it('answers every one below 500, says which field and why, and writes nothing when it refuses', async () => {
    const problems: string[] = []
    let sent = 0
    let before = await rowCounts()
    for (const who of CALLERS) {
      for (const { method, path, operation } of operations(doc)) {
        const route = { method, url: fastifyPath(path), access: operation['x-access'] }
        // Signing out would end the caller's session for the cases after it; its body is fuzzed like any other.
        const headers = route.url === '/api/auth/logout' || route.url === '/api/auth/logout-all' ? {} : world.headers[who]
        for (const c of fuzzCases(route, operation, (params) => concretePath(route.url, world, params), headers)) {
          const res = await send(c)
          sent++
          const label = `${c.name} as ${who}`
          if (res.statusCode >= 500) problems.push(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`)
          // A URL no route can take (a lone %, an id longer than any) is refused before anyone is asked who they are.
          const unroutable = ['malformed_url', 'not_found'].includes(res.json()?.error?.code) && res.statusCode !== 401
          if (route.access !== 'public' && who === 'anonymous' && res.statusCode !== 401 && !unroutable) {
            problems.push(`${label}: anonymous got ${res.statusCode}, not 401`)
          }
          if (res.statusCode === 400) {
            const parsed = errorBodySchema.safeParse(res.json())
            const error = parsed.success ? parsed.data.error : undefined
            if (!error || !/[\u4e00-\u9fff]/.test(error.message)) problems.push(`${label}: 400 without a Chinese message: ${res.body}`)
            else if (error.code === 'invalid_input' && (!error.field || !error.reason)) problems.push(`${label}: 400 without field and reason: ${res.body}`)
            else if (error.field && internalName(error.field).some((name) => error.message.includes(name))) {
              problems.push(`${label}: the message names the field by its API name: ${error.message}`)
            }
          }
          const after = await rowCounts()
          if (res.statusCode >= 400) {
            const changed = Object.keys(after).filter((table) => after[table] !== before[table])
            if (changed.length) problems.push(`${label}: refused with ${res.statusCode} but changed ${changed.join(', ')}`)
          }
          before = after
        }
      }
    }
    expect(problems).toEqual([])
    expect(errorsLogged).toEqual([])
    // Derived from the route table: every route was fuzzed, with dozens of cases each.
    expect(operations(doc)).toHaveLength(t.app.routeTable.length)
    expect(sent).toBeGreaterThan(t.app.routeTable.length * CALLERS.length * 10)
  }, 600_000)
})
