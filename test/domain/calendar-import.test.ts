import ExcelJS from 'exceljs'
import { upsertUserByOpenid } from '../../server/auth/user.repository'
import { importCalendar } from '../../server/admin/calendar-import.service'
import { CALENDAR_COLUMNS } from '../../server/admin/calendar-sheet'
import type { Actor } from '../../server/admin/facility-admin.service'
import { ImportRefusedError } from '../../server/admin/sheet'
import { suiteInstant } from '../support/clock'
import { DATABASES, type TestDb, createTestDb } from '../support/databases'

// The calendar import without HTTP: a sheet is checked whole, then each year it names is replaced in one transaction.
describe.each(DATABASES)('the calendar import on %s', (database) => {
  let store: TestDb
  let actor: Actor
  const now = suiteInstant()
  beforeAll(async () => {
    store = await createTestDb(database)
    const user = await upsertUserByOpenid(store.db.kysely, 'calendar-domain', now)
    actor = { userId: user.id, scope: { districtId: 'xa-yanliang' } }
  })
  afterAll(() => store.drop())

  const db = () => store.db.kysely
  const fileOf = async (rows: (string | Date)[][]) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('节假日与调休')
    // Columns are found by heading: a clerk may put them in another order.
    sheet.addRow([...CALENDAR_COLUMNS].reverse().map((c) => c.header))
    for (const row of rows) sheet.addRow([...row].reverse())
    return Buffer.from(await book.xlsx.writeBuffer())
  }
  const daysOf = (year: string) => db().selectFrom('calendar_days').selectAll().where('date', 'like', `${year}-%`).orderBy('date').execute()
  const refusal = async (file: Buffer) => {
    try {
      await importCalendar(db(), actor, file, now)
    } catch (err) {
      if (err instanceof ImportRefusedError) return err.problems
      throw err
    }
    throw new Error('the import was not refused')
  }

  it('replaces two years at once, each audited, whatever the order of the rows and columns', async () => {
    const result = await importCalendar(
      db(),
      actor,
      await fileOf([
        ['2030-02-04', '放假', '春节'],
        [new Date(Date.UTC(2029, 9, 1)), '放假', '国庆节'],
        ['2029-09-29', '调休上班', '国庆调休'],
      ]),
      now,
    )
    expect(result).toEqual({ years: ['2029', '2030'], created: ['2029-09-29', '2029-10-01', '2030-02-04'], updated: [], removed: [], unchanged: [] })
    expect(await daysOf('2029')).toEqual([
      { date: '2029-09-29', kind: 'workday', name: '国庆调休' },
      { date: '2029-10-01', kind: 'holiday', name: '国庆节' },
    ])
    const audited = await db().selectFrom('audit_log').select(['entity_id', 'user_id']).where('entity_id', 'in', ['calendar:2029', 'calendar:2030']).execute()
    expect(audited.map((a) => a.entity_id).sort()).toEqual(['calendar:2029', 'calendar:2030'])
    expect(new Set(audited.map((a) => a.user_id))).toEqual(new Set([actor.userId]))
  })

  it('refuses a year of more than 80 days and a row with neither a date nor a kind, writing nothing', async () => {
    const before = await daysOf('2031')
    const rows: string[][] = Array.from({ length: 81 }, (_, i) => [new Date(Date.UTC(2031, 0, 1 + i)).toISOString().slice(0, 10), '放假', '长假'])
    const problems = await refusal(await fileOf([...rows, ['', '', '漏填']]))
    // The heading is line 1: the 81st day is on line 82.
    expect(problems).toEqual(['第 82 行 日期：2031 年最多 80 天', '第 83 行 类型：请填写 放假 或 调休上班', '第 83 行 日期：请填写日期'])
    expect(await daysOf('2031')).toEqual(before)
  })
})
