import { lockHomeVisitDay } from '../../server/home-services/home-service.repository'
import { publishMealDays } from '../../server/meals/meal-template'
import { addDays } from '../../server/time/shanghai'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'

const FACILITY = 'yl-hangkong-erlu'

// Two clerks creating the same new day at once (the first visits of a day accepted together, a week of meals
// published twice): one writes it, the other finds it. Racing many fresh days makes the window real on PostgreSQL,
// where a conflict on a unique index the insert did not name (the session's id beside its day) was an error, not
// "already there".
describe.each(DATABASES)('a new day of sessions created twice at once on %s', (database) => {
  let store: TestDb
  beforeAll(async () => {
    store = await createTestDb(database)
  })
  afterAll(() => store.drop())

  it('is created once when four clerks open each of 120 new days at once, and every clerk gets it', async () => {
    const db = store.db.kysely
    const days = Array.from({ length: 120 }, (_, i) => addDays('2031-03-01', i))
    const opened = await Promise.allSettled(
      days.flatMap((day) => Array.from({ length: 4 }, () => db.transaction().execute((trx) => lockHomeVisitDay(trx, FACILITY, day)))),
    )
    const refused = opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))
    expect(refused).toEqual([])
    const sessions = await db
      .selectFrom('sessions')
      .select(['date', 'capacity'])
      .where('facility_id', '=', FACILITY)
      .where('part', '=', 'home_visit')
      .where('date', '>=', days[0])
      .orderBy('date')
      .execute()
    expect(sessions).toEqual(days.map((date) => ({ date, capacity: 0 })))
  })
  it('is published once when four clerks publish the same 60 days of meals at once; each meal has its sets once', async () => {
    const db = store.db.kysely
    const from = '2031-09-01'
    const to = addDays(from, 59)
    const published = await Promise.allSettled(Array.from({ length: 4 }, () => publishMealDays(db, FACILITY, from, to)))
    expect(published.filter((p) => p.status === 'rejected').map((p) => String((p as PromiseRejectedResult).reason))).toEqual([])
    const created = published.reduce((sum, p) => sum + (p as PromiseFulfilledResult<number>).value, 0)
    const sessions = await db.selectFrom('sessions').select('id').where('facility_id', '=', FACILITY).where('function_code', '=', 'meal').where('date', '>=', from).where('date', '<=', to).execute()
    expect(sessions.length).toBeGreaterThan(0)
    expect(created).toBe(sessions.length)
    const sets = await db.selectFrom('meal_sets').select(['session_id', 'position']).where('session_id', 'in', sessions.map((s) => s.id)).execute()
    expect(new Set(sets.map((s) => `${s.session_id}/${s.position}`)).size).toBe(sets.length)
    expect(new Set(sets.map((s) => s.session_id)).size).toBe(sessions.length)
  })
})
