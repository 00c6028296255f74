import { districtRulesSchema, errorBodySchema, schoolBreakImportResultSchema } from '@shared/index'
import ExcelJS from 'exceljs'
import { SCHOOL_BREAK_COLUMNS } from '../../server/admin/school-break-sheet'
import { type TestApp, createTestApp, staffLogin } from '../support/app'
import { DATABASES } from '../support/databases'
import { sheetRoutes } from '../support/spreadsheets'

// The district keeps the education bureau's school breaks as a spreadsheet too: they decide 放学后 from 假期 托管.
describe.each(DATABASES)('the school breaks as a spreadsheet on %s', (database) => {
  let t: TestApp
  let clerk: { authorization: string }
  beforeAll(async () => {
    t = await createTestApp(database)
    clerk = await staffLogin(t, 'breaks-district', 'district', 'xa-yanliang')
  })
  afterAll(() => t.close())

  const { download, upload } = sheetRoutes('/api/admin/school-breaks', () => t, () => clerk)
  const sheetOf = (rows: (string | Date)[][]) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('学校假期')
    sheet.addRow(SCHOOL_BREAK_COLUMNS.map((c) => c.header))
    for (const row of rows) sheet.addRow(row)
    return book
  }
  const breaks = async () => districtRulesSchema.parse((await t.app.inject({ url: '/api/admin/rules', headers: clerk })).json()).schoolBreaks

  it('exports the stored breaks under the template’s headings', async () => {
    const rows: string[][] = []
    ;(await download('export')).worksheets[0].eachRow((row, line) => {
      rows.push([1, 2, 3].map((c) => String(row.getCell(c).value)))
      if (line === 1) expect(rows[0]).toEqual(['开始日期', '结束日期', '名称'])
    })
    expect(rows).toContainEqual(['2027-01-16', '2027-02-21', '寒假'])
    expect(rows).toHaveLength((await breaks()).length + 1)
  })

  it('refuses a sheet with a wrong date and overlapping breaks, naming each row; writes nothing', async () => {
    const before = await breaks()
    const res = await upload(sheetOf([['2027-01-16', '2027-02-21', '寒假'], ['2027-02-01', '2027-02-03', '补课停课'], ['2027-07-40', '2027-08-31', '暑假'], ['2027-10-07', '2027-10-01', '国庆节']]))
    expect(res.statusCode).toBe(400)
    const problems = errorBodySchema.parse(res.json()).error.problems ?? []
    expect(problems).toEqual(
      expect.arrayContaining([
        '第 3 行 开始日期：与第 2 行的寒假重叠',
        expect.stringMatching(/^第 4 行 开始日期：/),
        '第 5 行 结束日期：结束日期不能早于开始日期',
      ]),
    )
    expect(await breaks()).toEqual(before)
  })

  it('replaces the breaks with the sheet (dates typed in Excel too); the same sheet again changes nothing', async () => {
    const sheet = sheetOf([
      [new Date(Date.UTC(2027, 0, 16)), new Date(Date.UTC(2027, 1, 21)), '寒假'],
      ['2027-07-10', '2027-08-31', '暑假'],
    ])
    const res = await upload(sheet)
    expect(res.statusCode).toBe(200)
    const expected = [
      { from: '2027-01-16', to: '2027-02-21', name: '寒假' },
      { from: '2027-07-10', to: '2027-08-31', name: '暑假' },
    ]
    expect(schoolBreakImportResultSchema.parse(res.json()).breaks).toEqual(expected)
    expect(await breaks()).toEqual(expected)
    expect((await upload(sheet)).statusCode).toBe(200)
    expect(await breaks()).toEqual(expected)
  })
})
