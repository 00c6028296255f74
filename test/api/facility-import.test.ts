import { errorBodySchema, facilityDetailSchema, importResultSchema } from '@shared/index'
import type ExcelJS from 'exceljs'
import { COLUMNS } from '../../server/admin/facility-sheet'
import { type TestApp, createTestApp, staffLogin } from '../support/app'
import { DATABASES } from '../support/databases'
import { XLSX, sheetRoutes } from '../support/spreadsheets'

// A street office downloads its facility list, corrects it in Excel, adds a facility, and uploads it again.
describe.each(DATABASES)('the facility list as a spreadsheet on %s', (database) => {
  let t: TestApp
  let clerk: { authorization: string }
  beforeAll(async () => {
    t = await createTestApp(database)
    clerk = await staffLogin(t, 'sheet-street', 'street', 'yl-xinhualu')
  })
  afterAll(() => t.close())

  const { download, upload } = sheetRoutes('/api/admin/facilities', () => t, () => clerk)
  const count = async (table: 'facilities' | 'audit_log' | 'communities') =>
    Number((await t.store.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const columnOf = (sheet: ExcelJS.Worksheet, header: string) => {
    let found = 0
    sheet.getRow(1).eachCell((cell, col) => {
      if (cell.value === header) found = col
    })
    return found
  }

  it('gives a template with the annex’s headings and a sheet that says how to fill them', async () => {
    const book = await download('template')
    const headings: string[] = []
    book.worksheets[0].getRow(1).eachCell((cell) => headings.push(String(cell.value)))
    expect(headings).toEqual(COLUMNS.map((c) => c.header))
    expect(book.worksheets[0].rowCount).toBe(1)
    expect(book.worksheets[1].name).toBe('填写说明')
  })

  it('updates a corrected row, creates a new one with its community, and changes nothing on a second import', async () => {
    const book = await download('export')
    const sheet = book.worksheets[0]
    // Only the street's own facilities: 红旗, 人民东路, 凌云 of 新华路街道.
    expect(sheet.rowCount).toBe(4)
    const hongqi = [2, 3, 4].find((r) => sheet.getRow(r).getCell(columnOf(sheet, '编号')).value === 'yl-hongqi') as number
    sheet.getRow(hongqi).getCell(columnOf(sheet, '联系电话')).value = '029-86861234'
    sheet.getRow(hongqi).getCell(columnOf(sheet, '开放时间')).value = '周一至周五 8:00-18:00；周六 09:00-12:00'
    sheet.addRow(
      Object.fromEntries(
        COLUMNS.map((c) => [c.key, '']),
      ),
    )
    const added = sheet.getRow(5)
    const set = (header: string, value: string | number) => {
      added.getCell(columnOf(sheet, header)).value = value
    }
    set('编号', 'yl-xinhua-park')
    set('设施名称', '新华公园社区嵌入式服务设施')
    set('街道', '新华路街道')
    set('社区', '新华公园社区')
    set('建设地点', '阎良区新华路 6 号')
    set('面积（㎡）', 720)
    set('建设年度', 2027)
    set('项目功能', '社区助餐、文化休闲、健康服务')
    set('运营模式', '公建民营')
    set('开放时间', '周一至周日 08:00-20:00')
    set('纬度', 34.66)
    set('经度', 109.24)
    const facilities = await count('facilities')

    const res = await upload(book)
    expect(res.statusCode).toBe(200)
    const result = importResultSchema.parse(res.json())
    expect(result.created).toEqual(['yl-xinhua-park'])
    expect(result.updated).toEqual(['yl-hongqi'])
    expect(result.newCommunities).toEqual(['新华公园社区'])
    expect(await count('facilities')).toBe(facilities + 1)

    const hongqiNow = facilityDetailSchema.parse((await t.app.inject({ url: '/api/facilities/yl-hongqi' })).json())
    expect(hongqiNow.phone).toBe('029-86861234')
    expect(hongqiNow.hours).toEqual([
      { days: '周一至周五', opens: '08:00', closes: '18:00' },
      { days: '周六', opens: '09:00', closes: '12:00' },
    ])
    const park = facilityDetailSchema.parse((await t.app.inject({ url: '/api/facilities/yl-xinhua-park' })).json())
    expect(park).toMatchObject({ street: '新华路街道', community: '新华公园社区', functions: ['meal', 'health', 'culture'] })

    const audits = await count('audit_log')
    const communities = await count('communities')
    const again = importResultSchema.parse((await upload(book)).json())
    expect(again).toMatchObject({ created: [], updated: [], newCommunities: [] })
    expect(again.unchanged.sort()).toEqual(['yl-hongqi', 'yl-lingyun', 'yl-renmin-donglu', 'yl-xinhua-park'].sort())
    expect(await count('facilities')).toBe(facilities + 1)
    expect(await count('communities')).toBe(communities)
    expect(await count('audit_log')).toBe(audits)
  })

  it('lists every problem by row and column and writes nothing when any row is wrong', async () => {
    const book = await download('export')
    const sheet = book.worksheets[0]
    sheet.getRow(2).getCell(columnOf(sheet, '面积（㎡）')).value = '大约一千'
    sheet.getRow(3).getCell(columnOf(sheet, '项目功能')).value = '社区助餐、广场舞'
    sheet.getRow(4).getCell(columnOf(sheet, '街道')).value = '振兴街道'
    sheet.getRow(4).getCell(columnOf(sheet, '联系电话')).value = '8686'
    const before = await Promise.all([count('facilities'), count('audit_log'), count('communities')])

    const res = await upload(book)
    expect(res.statusCode).toBe(400)
    const { error } = errorBodySchema.parse(res.json())
    expect(error.field).toBe('file')
    expect(error.problems).toEqual([
      '第 2 行 面积（㎡）：面积应为数字',
      expect.stringMatching(/^第 3 行 项目功能：不认识「广场舞」/),
      '第 4 行 街道：「振兴街道」不是您管辖的街道',
      expect.stringMatching(/^第 4 行 联系电话：电话格式不正确/),
    ])
    expect(error.message).toContain('没有写入任何内容')
    expect(await Promise.all([count('facilities'), count('audit_log'), count('communities')])).toEqual(before)
  })

  it('says plainly when the file is not a spreadsheet', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/facilities/import',
      headers: { ...clerk, 'content-type': XLSX },
      payload: Buffer.from('这不是表格'),
    })
    expect(res.statusCode).toBe(400)
    expect(errorBodySchema.parse(res.json()).error.problems).toEqual(['文件不是有效的 Excel 表格（.xlsx），请用下载的模板填写后上传'])
  })
})
