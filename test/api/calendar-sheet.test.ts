import { calendarImportResultSchema, districtRulesSchema, errorBodySchema } from '@shared/index'
import ExcelJS from 'exceljs'
import { CALENDAR_COLUMNS } from '../../server/admin/calendar-sheet'
import { type TestApp, createTestApp, staffLogin } from '../support/app'
import { DATABASES } from '../support/databases'
import { sheetRoutes } from '../support/spreadsheets'

// The district keeps the State Council's holidays and 调休 days as a spreadsheet: download, fill in, upload.
describe.each(DATABASES)('the calendar as a spreadsheet on %s', (database) => {
  let t: TestApp
  let clerk: { authorization: string }
  beforeAll(async () => {
    t = await createTestApp(database)
    clerk = await staffLogin(t, 'calendar-district', 'district', 'xa-yanliang')
  })
  afterAll(() => t.close())

  const { download, upload } = sheetRoutes('/api/admin/calendar', () => t, () => clerk)
  /** A sheet with the template's headings and these rows (date, 类型, 名称). */
  const sheetOf = (rows: (string | Date)[][]) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('节假日与调休')
    sheet.addRow(CALENDAR_COLUMNS.map((c) => c.header))
    for (const row of rows) sheet.addRow(row)
    return book
  }
  const calendar = async () => districtRulesSchema.parse((await t.app.inject({ url: '/api/admin/rules', headers: clerk })).json()).calendar
  const audits = async () =>
    (await t.store.db.kysely.selectFrom('audit_log').select('entity_id').where('entity_id', 'like', 'calendar:%').execute()).map((a) => a.entity_id)

  it('gives a template with the headings and a sheet that says how to fill them, and exports the stored days', async () => {
    const template = await download('template')
    const headings: string[] = []
    template.worksheets[0].getRow(1).eachCell((cell) => headings.push(String(cell.value)))
    expect(headings).toEqual(['日期', '类型', '名称'])
    expect(template.worksheets[0].rowCount).toBe(1)
    expect(template.worksheets[1].name).toBe('填写说明')

    const rows: string[][] = []
    ;(await download('export')).worksheets[0].eachRow((row, line) => {
      if (line > 1) rows.push([1, 2, 3].map((c) => String(row.getCell(c).value)))
    })
    expect(rows).toContainEqual(['2026-10-01', '放假', '国庆节'])
    expect(rows).toHaveLength((await calendar()).length)
  })

  it('replaces the years the sheet names, audited; importing it again changes nothing; other years stay', async () => {
    const year2026 = (await calendar()).filter((d) => d.date.startsWith('2026-'))
    const auditsBefore = (await audits()).length
    // A date typed in Excel arrives as a date cell; one typed as text as text.
    const book = sheetOf([
      [new Date(Date.UTC(2028, 0, 1)), '放假', '元旦'],
      ['2028-02-06', '放假', '春节'],
      ['2028-02-20', '调休上班', '春节调休'],
    ])
    const res = await upload(book)
    expect(res.statusCode).toBe(200)
    expect(calendarImportResultSchema.parse(res.json())).toEqual({
      years: ['2028'],
      created: ['2028-01-01', '2028-02-06', '2028-02-20'],
      updated: [],
      removed: [],
      unchanged: [],
    })
    const now = await calendar()
    expect(now.filter((d) => d.date.startsWith('2028-'))).toEqual([
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
      { date: '2028-02-06', kind: 'holiday', name: '春节' },
      { date: '2028-02-20', kind: 'workday', name: '春节调休' },
    ])
    expect(now.filter((d) => d.date.startsWith('2026-'))).toEqual(year2026)
    const written = await audits()
    expect(written.length).toBe(auditsBefore + 1)
    expect(written.filter((id) => id === 'calendar:2028')).toHaveLength(1)

    const again = calendarImportResultSchema.parse((await upload(book)).json())
    expect(again).toMatchObject({ created: [], updated: [], removed: [], unchanged: ['2028-01-01', '2028-02-06', '2028-02-20'] })
    expect((await audits()).length).toBe(auditsBefore + 1)
    expect(await calendar()).toEqual(now)

    const corrected = calendarImportResultSchema.parse(
      (await upload(sheetOf([['2028-01-01', '放假', '元旦'], ['2028-02-06', '放假', '春节（除夕）']]))).json(),
    )
    expect(corrected).toMatchObject({ created: [], updated: ['2028-02-06'], removed: ['2028-02-20'], unchanged: ['2028-01-01'] })
    expect((await calendar()).filter((d) => d.date.startsWith('2028-'))).toHaveLength(2)
  })

  it('lists every problem by row and column and writes nothing when any row is wrong', async () => {
    const before = [await calendar(), (await audits()).length]
    const res = await upload(
      sheetOf([
        ['2027-02-30', '放假', '春节'],
        ['2027-05-01', '休息', '劳动节'],
        ['2027-05-02', '放假', ''],
        ['2027-10-01', '放假', '国庆节'],
        ['2027-10-01', '放假', '国庆节'],
        ['1999-10-01', '放假', '国庆节'],
      ]),
    )
    expect(res.statusCode).toBe(400)
    const { error } = errorBodySchema.parse(res.json())
    expect(error.field).toBe('file')
    expect(error.problems).toEqual([
      '第 2 行 日期：没有这一天',
      '第 3 行 类型：不认识「休息」，应填 放假 或 调休上班',
      '第 4 行 名称：请填写名称，例如 春节',
      '第 6 行 日期：与第 5 行重复',
      '第 7 行 日期：年份应为四位数字，例如 2027',
    ])
    expect(error.message).toContain('没有写入任何内容')
    expect([await calendar(), (await audits()).length]).toEqual(before)
  })

  it('says plainly when the file is not the calendar sheet', async () => {
    const wrong = new ExcelJS.Workbook()
    wrong.addWorksheet('设施清单').addRow(['编号', '设施名称'])
    const res = await upload(wrong)
    expect(res.statusCode).toBe(400)
    expect(errorBodySchema.parse(res.json()).error.problems).toEqual(['第 1 行缺少列：日期、类型、名称。请用下载的模板填写'])
  })
})
