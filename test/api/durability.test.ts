import { sessionListSchema } from '@shared/booking'
import { sql } from 'kysely'
import { addDays } from '../../server/time/shanghai'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'
import { startServerProcess } from '../support/server-process'

const MEAL_FACILITIES = ['yl-hangkong-erlu', 'yl-jiayuan', 'yl-renmin-donglu', 'yl-hongqi']
const RESIDENTS = 120
const WORKERS = 24

/** The store as a URL a server process can open: PostgreSQL in the test's own schema. */
function urlOf(store: TestDb): string {
  if (!store.searchPath) return store.url
  const url = new URL(store.url)
  url.searchParams.set('options', `-c search_path=${store.searchPath}`)
  return url.toString()
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>
}

/**
 * kill -9 under booking load: whatever the server acknowledged (201) is there after a restart, and every session's
 * `booked` equals what its live bookings hold. One run per store.
 */
describe.each(DATABASES)('a server killed under booking load on %s', (database) => {
  let store: TestDb
  beforeAll(async () => {
    store = await createTestDb(database)
  })
  afterAll(() => store.drop())

  it('loses no acknowledged booking and keeps every session’s count', async () => {
    const env = { NOTICE_SEND_INTERVAL_MS: '0', WAITLIST_INTERVAL_MS: '0' }
    const first = await startServerProcess(env, urlOf(store))
    const base = first.baseUrl
    const post = (path: string, body: object, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

    // What can be booked, as the server sees its day: every meal of every bookable day at the four kitchens.
    const probe = sessionListSchema.parse(await json(await fetch(`${base}/api/facilities/yl-jiayuan/sessions?function=meal`)))
    const days: string[] = []
    for (let d = addDays(probe.today, 1); d <= probe.lastBookableDate && days.length < 6; d = addDays(d, 1)) days.push(d)
    const sessions: { id: string; setId: string; date: string; part: string }[] = []
    for (const facility of MEAL_FACILITIES) {
      for (const date of days) {
        const list = sessionListSchema.parse(await json(await fetch(`${base}/api/facilities/${facility}/sessions?function=meal&date=${date}`)))
        for (const s of list.sessions) if (s.bookable && s.sets?.length) sessions.push({ id: s.id, setId: s.sets[0].id, date, part: s.part ?? '' })
      }
    }
    expect(sessions.length).toBeGreaterThan(20)

    const residents = await Promise.all(
      Array.from({ length: RESIDENTS }, async (_, i) => {
        const res = await post('/api/auth/dev', { openid: `durable-${database}-${i}` })
        return `Bearer ${(await json(res)).token}`
      }),
    )
    // Each resident books one meal per day and part (one person, one place), so the tasks never collide.
    const tasks = residents.flatMap((authorization, r) =>
      sessions.filter((_, s) => (s + r) % 3 === 0).map((session) => ({ authorization, session })),
    )
    const acknowledged: string[] = []
    let killed = false
    const worker = async () => {
      while (!killed) {
        const task = tasks.pop()
        if (!task) return
        try {
          const res = await post(
            '/api/bookings',
            { sessionId: task.session.id, meal: { setId: task.session.setId, fulfilment: 'dine_in' } },
            { authorization: task.authorization, 'idempotency-key': `durable-${tasks.length}-${task.session.id.slice(-12)}` },
          )
          const body = await json(res)
          // A refusal (a full lunch) acknowledges nothing.
          if (res.status === 201) acknowledged.push(String(body.id))
        } catch {
          // The connection died with the server: not acknowledged.
        }
      }
    }
    const load = Array.from({ length: WORKERS }, worker)
    // Kill once the load is well under way.
    while (acknowledged.length < 150 && tasks.length > 0) await new Promise((r) => setTimeout(r, 20))
    killed = true
    await first.kill()
    await Promise.all(load)
    // Dead indeed: nothing answers where it listened.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow()
    expect(acknowledged.length).toBeGreaterThanOrEqual(150)

    // Restarted on the same store, it answers, and everything it acknowledged is there.
    const second = await startServerProcess(env, urlOf(store))
    try {
      expect((await fetch(`${second.baseUrl}/api/health`)).status).toBe(200)
      const db = store.db.kysely
      const found = new Set<string>()
      for (let i = 0; i < acknowledged.length; i += 200) {
        const rows = await db.selectFrom('bookings').select(['id', 'status']).where('id', 'in', acknowledged.slice(i, i + 200)).execute()
        for (const row of rows) if (row.status === 'booked') found.add(row.id)
      }
      expect(acknowledged.filter((id) => !found.has(id))).toEqual([])
      const mismatched = await db
        .selectFrom('sessions as s')
        .select(['s.id', 's.booked'])
        .select((eb) =>
          eb
            .selectFrom('bookings as b')
            .select(sql<number>`coalesce(sum(b.quantity), 0)`.as('held'))
            .whereRef('b.session_id', '=', 's.id')
            .where('b.status', '!=', 'cancelled')
            .as('held'),
        )
        .where('s.function_code', '=', 'meal')
        .execute()
      expect(mismatched.filter((s) => Number(s.booked) !== Number(s.held))).toEqual([])
      expect(mismatched.reduce((n, s) => n + Number(s.booked), 0)).toBeGreaterThanOrEqual(acknowledged.length)
    } finally {
      await second.stop()
    }
  }, 120_000)
})
