import { type Kysely, sql } from 'kysely'
import { changeBookingStatus } from '../../server/bookings/booking-lifecycle'
import type { Database } from '../../server/db/schema'
import { serviceCounts } from '../../server/evaluation/evaluation.repository'
import { addDays, shanghaiDate, shanghaiInstant } from '../../server/time/shanghai'
import { devLogin, useTestApp } from '../support/app'
import { addMember, book, mealOrder, mealSession } from '../support/bookings'
import { DATABASES } from '../support/databases'

type Counts = Record<'bookings' | 'cancelled' | 'completed' | 'no_shows' | 'ratings' | 'satisfied' | 'level_sum' | 'again', number>
const ZERO: Counts = { bookings: 0, cancelled: 0, completed: 0, no_shows: 0, ratings: 0, satisfied: 0, level_sum: 0, again: 0 }
const keyOf = (r: { facility_id: string; function_code: string; day: string }) => `${r.facility_id}|${r.function_code}|${r.day}`
const nonZero = (map: Map<string, Counts>) => new Map([...map].filter(([, c]) => Object.values(c).some((v) => v !== 0)))

/** The evaluation's counts summed from every booking and rating row: what the kept counts must always equal. */
async function rawDayCounts(db: Kysely<Database>): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>()
  const add = (key: string, part: Partial<Counts>) => {
    const c = counts.get(key) ?? { ...ZERO }
    for (const [k, v] of Object.entries(part)) c[k as keyof Counts] += Number(v)
    counts.set(key, c)
  }
  for (const b of await db.selectFrom('bookings').select(['facility_id', 'function_code', 'service_date as day', 'status']).execute()) {
    add(keyOf(b), { bookings: b.status !== 'cancelled' ? 1 : 0, cancelled: b.status === 'cancelled' ? 1 : 0, completed: b.status === 'completed' ? 1 : 0, no_shows: b.status === 'no_show' ? 1 : 0 })
  }
  for (const r of await db.selectFrom('ratings').select(['facility_id', 'function_code', 'service_date as day', 'level', 'would_use_again']).execute()) {
    add(keyOf(r), { ratings: 1, satisfied: r.level >= 3 ? 1 : 0, level_sum: r.level, again: r.would_use_again })
  }
  return nonZero(counts)
}

async function keptDayCounts(db: Kysely<Database>): Promise<Map<string, Counts>> {
  const rows = await db.selectFrom('service_day_counts').selectAll().execute()
  return nonZero(
    new Map(rows.map(({ facility_id, function_code, day, ...c }) => [keyOf({ facility_id, function_code, day }), Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as Counts])),
  )
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
  return { next, pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] }
}

const FACILITIES = ['yl-hongqi', 'yl-jiayuan', 'yl-hangkong-erlu'] as const
const FUNCTIONS = ['meal', 'elderly_care', 'child_care'] as const
const STATUSES = ['booked', 'checked_in', 'completed', 'no_show', 'cancelled'] as const

describe.each(DATABASES)('the evaluation’s counts kept per day on %s', (database) => {
  const t = useTestApp(database)
  const db = () => t.store.db.kysely
  afterEach(() => t.clock.reset())

  it('equal the rows after the engine books, a resident cancels, the desk serves and marks a no-show, and residents rate', async () => {
    const lunch = await mealSession(t.app, { facilityId: 'yl-jiayuan' })
    const people = await Promise.all(
      [1, 2, 3, 4].map(async (i) => {
        const headers = await devLogin(t.app, `counted-${i}`)
        const mother = await addMember(t.app, headers)
        return { headers, booking: await book(t.app, headers, mealOrder(lunch, { memberId: mother.id })) }
      }),
    )
    expect(await keptDayCounts(db())).toEqual(await rawDayCounts(db()))
    const cancel = await t.app.inject({ method: 'POST', url: `/api/bookings/${people[0].booking.id}/cancel`, headers: people[0].headers })
    expect(cancel.statusCode).toBe(200)

    t.clock.set(shanghaiInstant(lunch.date, '13:00'))
    for (const p of people.slice(1, 3)) {
      for (const to of ['checked_in', 'completed'] as const) await changeBookingStatus(db(), { bookingId: p.booking.id, to, actorUserId: null, now: t.clock.now() })
    }
    await changeBookingStatus(db(), { bookingId: people[3].booking.id, to: 'no_show', actorUserId: null, now: t.clock.now() })
    for (const [p, level] of [[people[1], 5], [people[2], 2]] as const) {
      const rated = await t.app.inject({ method: 'POST', url: `/api/bookings/${p.booking.id}/rating`, headers: p.headers, payload: { level, wouldUseAgain: level > 3 } })
      expect(rated.statusCode).toBe(201)
    }

    const kept = await keptDayCounts(db())
    expect(kept).toEqual(await rawDayCounts(db()))
    expect(kept.get(`yl-jiayuan|meal|${lunch.date}`)).toEqual({ bookings: 3, cancelled: 1, completed: 2, no_shows: 1, ratings: 2, satisfied: 1, level_sum: 7, again: 1 })
  })

  it('equal the rows after 400 random writes, changes, deletions and rolled-back transactions', async () => {
    await devLogin(t.app, 'counted-random')
    const user = await db().selectFrom('users').select('id').where('openid', '=', 'dev:counted-random').executeTakeFirstOrThrow()
    const session = await db().selectFrom('sessions').select('id').executeTakeFirstOrThrow()
    const r = random(20261130)
    const today = shanghaiDate(t.clock.now())
    const days = [-40, -3, 0, 1, 2].map((d) => addDays(today, d))
    let made = 0
    const newBooking = () => {
      const id = `cnt-${++made}`
      const day = r.pick(days)
      return {
        id, code: `9${String(made).padStart(7, '0')}`, booker_user_id: user.id, member_id: null, facility_id: r.pick(FACILITIES),
        function_code: r.pick(FUNCTIONS), session_id: session.id, service_date: day, status: r.pick(STATUSES), quantity: 1,
        details: '{}', quote: '{}', payable_fen: 500, paid_fen: null, starts_at: `${day}T03:30:00.000Z`,
        cancel_until: `${day}T01:30:00.000Z`, created_at: `${day}T00:00:00.000Z`, updated_at: `${day}T00:00:00.000Z`,
      }
    }
    const existing = async () => (await db().selectFrom('bookings').select('id').where('id', 'like', 'cnt-%').execute()).map((b) => b.id)
    const unrated = async () =>
      (await db().selectFrom('bookings as b').leftJoin('ratings as x', 'x.booking_id', 'b.id').select(['b.id', 'b.facility_id', 'b.function_code', 'b.service_date']).where('b.id', 'like', 'cnt-%').where('x.id', 'is', null).execute())

    for (let step = 0; step < 400; step++) {
      const roll = r.next()
      const ids = await existing()
      if (roll < 0.35 || ids.length === 0) {
        await db().insertInto('bookings').values(newBooking()).execute()
      } else if (roll < 0.55) {
        await db().updateTable('bookings').set({ status: r.pick(STATUSES) }).where('id', '=', r.pick(ids)).execute()
      } else if (roll < 0.6) {
        // A booking moved to another day or service: its count moves with it.
        const change = r.next() < 0.5 ? { service_date: r.pick(days) } : { function_code: r.pick(FUNCTIONS) }
        await db().updateTable('bookings').set(change).where('id', '=', r.pick(ids)).execute()
      } else if (roll < 0.65) {
        // Deleting a booking cascades to its rating.
        await db().deleteFrom('bookings').where('id', '=', r.pick(ids)).execute()
      } else if (roll < 0.8) {
        const candidates = await unrated()
        if (candidates.length === 0) continue
        const b = r.pick(candidates)
        const level = 1 + Math.floor(r.next() * 5)
        await db().insertInto('ratings').values({
          id: `cr-${b.id}`, booking_id: b.id, facility_id: b.facility_id, function_code: b.function_code, rater_user_id: user.id, level,
          attitude: null, quality: null, environment: null, price: null, would_use_again: level >= 3 ? 1 : 0, comment: null,
          service_date: b.service_date, created_at: t.clock.now().toISOString(),
        }).execute()
      } else if (roll < 0.88) {
        await db().updateTable('ratings').set({ level: 1 + Math.floor(r.next() * 5), would_use_again: r.next() < 0.5 ? 1 : 0 }).where('id', 'like', 'cr-%').where('booking_id', '=', r.pick(ids)).execute()
      } else if (roll < 0.93) {
        await db().deleteFrom('ratings').where('booking_id', '=', r.pick(ids)).execute()
      } else {
        // Written and then rolled back: nothing is counted.
        await expect(
          db().transaction().execute(async (trx) => {
            await trx.insertInto('bookings').values(newBooking()).execute()
            await trx.updateTable('bookings').set({ status: 'completed' }).where('id', '=', r.pick(ids)).execute()
            throw new Error('rolled back')
          }),
        ).rejects.toThrow('rolled back')
      }
      if (step % 50 === 49) expect(await keptDayCounts(db())).toEqual(await rawDayCounts(db()))
    }
    expect(await keptDayCounts(db())).toEqual(await rawDayCounts(db()))
    expect(made).toBeGreaterThan(100)
  })

  // On the rows the tests above wrote.
  it('give the evaluation a period’s sums per facility and service, as summing the rows of the period does', async () => {
    const range = { from: addDays(shanghaiDate(t.clock.now()), -3), to: addDays(shanghaiDate(t.clock.now()), 1) }
    const { bookings, ratings } = await serviceCounts(db(), [...FACILITIES], range)
    const raw = await sql<{ facility_id: string; function_code: string; placed: number; any: number; completed: number; no_shows: number }>`
      select facility_id, function_code, sum(case when status <> 'cancelled' then 1 else 0 end) as placed, count(*) as any,
        sum(case when status = 'completed' then 1 else 0 end) as completed, sum(case when status = 'no_show' then 1 else 0 end) as no_shows
      from bookings where service_date between ${range.from} and ${range.to} and facility_id in (${sql.join([...FACILITIES])})
      group by facility_id, function_code`.execute(db())
    expect(raw.rows.length).toBeGreaterThan(2)
    expect(new Map([...bookings].map(([k, v]) => [k, v]))).toEqual(
      new Map(raw.rows.map((r) => [`${r.facility_id}|${r.function_code}`, { bookings: Number(r.placed), completed: Number(r.completed), noShows: Number(r.no_shows) }])),
    )
    const rated = await sql<{ facility_id: string; function_code: string; n: number; satisfied: number; level_sum: number; again: number }>`
      select facility_id, function_code, count(*) as n, sum(case when level >= 3 then 1 else 0 end) as satisfied, sum(level) as level_sum,
        sum(would_use_again) as again
      from ratings where service_date between ${range.from} and ${range.to} and facility_id in (${sql.join([...FACILITIES])})
      group by facility_id, function_code`.execute(db())
    expect(ratings).toEqual(
      new Map(rated.rows.map((r) => [`${r.facility_id}|${r.function_code}`, { ratings: Number(r.n), satisfied: Number(r.satisfied), levelSum: Number(r.level_sum), again: Number(r.again) }])),
    )
  })
})
