import { seedDistrict } from '../../server/db/seed/seed'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'
import { suiteInstant } from '../support/clock'

const DAY_MS = 86_400_000

// Each start of `npm start` runs the seed. What a district or an operator changed must survive every one of them.
describe.each(DATABASES)('starting again on %s', (database) => {
  let t: TestDb
  const firstStart = suiteInstant()
  beforeAll(async () => {
    t = await createTestDb(database, {}, firstStart)
  })
  afterAll(() => t.drop())

  const db = () => t.db.kysely

  it('keeps every edit, keeps a removed function removed, and still publishes the coming days of what is offered', async () => {
    await db().updateTable('facilities').set({ phone: '029-86861234', name: '红旗社区服务中心' }).where('id', '=', 'yl-hongqi').execute()
    await db().updateTable('operators').set({ name: '阎良区红旗养老服务有限公司' }).where('id', '=', 'yl-hongqi-operator').execute()
    await db().updateTable('subsidy_tiers').set({ amount_fen: 800 }).where('id', '=', 'yl-meal-age-60').execute()
    await db().updateTable('booking_rules').set({ cutoff_minutes: 45 }).where('facility_id', '=', 'yl-hongqi').where('function_code', '=', 'meal').execute()
    await db().deleteFrom('subsidy_tiers').where('id', '=', 'yl-meal-age-80').execute()
    await db().deleteFrom('facility_functions').where('facility_id', '=', 'yl-jiayuan').where('function_code', '=', 'child_care').execute()
    const countAt = async (facility: string, fn: string) =>
      (await db().selectFrom('sessions').select(db().fn.countAll<number>().as('n')).where('facility_id', '=', facility).where('function_code', '=', fn).executeTakeFirstOrThrow()).n
    const jiayuanChildCare = Number(await countAt('yl-jiayuan', 'child_care'))

    // Five more starts, a day apart.
    for (let day = 1; day <= 5; day++) await seedDistrict(t.db, new Date(firstStart.getTime() + day * DAY_MS))

    expect(await db().selectFrom('facilities').select(['phone', 'name']).where('id', '=', 'yl-hongqi').executeTakeFirstOrThrow())
      .toEqual({ phone: '029-86861234', name: '红旗社区服务中心' })
    expect((await db().selectFrom('operators').select('name').where('id', '=', 'yl-hongqi-operator').executeTakeFirstOrThrow()).name)
      .toBe('阎良区红旗养老服务有限公司')
    const tiers = await db().selectFrom('subsidy_tiers').select(['id', 'amount_fen']).orderBy('id').execute()
    expect(tiers.find((r) => r.id === 'yl-meal-age-60')?.amount_fen).toBe(800)
    expect(tiers.find((r) => r.id === 'yl-meal-age-80')).toBeUndefined()
    expect((await db().selectFrom('booking_rules').select('cutoff_minutes').where('facility_id', '=', 'yl-hongqi').where('function_code', '=', 'meal').executeTakeFirstOrThrow()).cutoff_minutes)
      .toBe(45)
    const functions = await db().selectFrom('facility_functions').select('function_code').where('facility_id', '=', 'yl-jiayuan').execute()
    expect(functions.map((f) => f.function_code)).not.toContain('child_care')
    // No new 托管 days where 托管 is no longer offered; lunch keeps rolling forward where it is.
    expect(Number(await countAt('yl-jiayuan', 'child_care'))).toBe(jiayuanChildCare)
    const lastLunch = await db()
      .selectFrom('sessions')
      .select(db().fn.max('date').as('last'))
      .where('facility_id', '=', 'yl-hongqi')
      .where('function_code', '=', 'meal')
      .executeTakeFirstOrThrow()
    expect(lastLunch.last).toBe(addDays(shanghaiDate(new Date(firstStart.getTime() + 5 * DAY_MS)), 7))
  })

  it('inserts nothing twice', async () => {
    const count = async (table: 'facilities' | 'streets' | 'operators' | 'communities' | 'calendar_days') =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await Promise.all([count('facilities'), count('streets'), count('operators'), count('communities'), count('calendar_days')])
    await seedDistrict(t.db, firstStart)
    expect(await Promise.all([count('facilities'), count('streets'), count('operators'), count('communities'), count('calendar_days')])).toEqual(before)
  })
})
