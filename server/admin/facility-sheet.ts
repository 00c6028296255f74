import type { AdminFacility } from '@shared/admin'
import { FUNCTIONS } from '@shared/functions'
import ExcelJS from 'exceljs'

// The facility list as a spreadsheet, in the order of the plan's annex table (附件3: 项目名称、街道、建设地点、面积、
// 建设年度、总投资、功能、运营方式), with what the app needs besides (编号, 社区, 电话, 开放时间, 位置). Columns are
// found by their heading, so a clerk may reorder them; the headings themselves are the contract.

export const COLUMNS = [
  { key: 'id', header: '编号', width: 18, note: '设施的固定编号：小写字母、数字和连字符，例如 yl-hongqi；再次导入同一编号即更新该设施' },
  { key: 'name', header: '设施名称', width: 30, note: '例如 红旗社区嵌入式服务设施' },
  { key: 'street', header: '街道', width: 12, note: '街道办事处名称，须是您管辖的街道，例如 新华路街道' },
  { key: 'community', header: '社区', width: 14, note: '社区名称；该街道下还没有的社区会新建' },
  { key: 'address', header: '建设地点', width: 36, note: '地址' },
  { key: 'areaSqm', header: '面积（㎡）', width: 10, note: '数字' },
  { key: 'year', header: '建设年度', width: 10, note: '四位年份，例如 2026' },
  { key: 'investmentWan', header: '总投资（万元）', width: 12, note: '数字，可空' },
  { key: 'functions', header: '项目功能', width: 40, note: `用顿号分隔：${FUNCTIONS.map((f) => f.name).join('、')}` },
  { key: 'operatingModels', header: '运营模式', width: 30, note: '用顿号分隔：公建民营、民办公助、政府购买服务、公办民营，可空' },
  { key: 'operatorId', header: '运营方编号', width: 22, note: '已在「运营方」中登记的编号，可空' },
  { key: 'phone', header: '联系电话', width: 16, note: '例如 029-86861234，可空' },
  { key: 'hours', header: '开放时间', width: 36, note: '例如 周一至周五 08:30-18:00；周六 09:00-12:00' },
  { key: 'lat', header: '纬度', width: 12, note: 'GCJ-02（微信、高德地图的坐标），例如 34.6534' },
  { key: 'lng', header: '经度', width: 12, note: 'GCJ-02，例如 109.2301' },
  { key: 'isReserve', header: '储备项目', width: 10, note: '是 / 否（空为否）' },
] as const
export type ColumnKey = (typeof COLUMNS)[number]['key']
export type SheetRow = { line: number; cells: Record<ColumnKey, string> }

const functionName = Object.fromEntries(FUNCTIONS.map((f) => [f.code, f.name])) as Record<string, string>
export const hoursText = (hours: AdminFacility['hours']) => hours.map((h) => `${h.days} ${h.opens}-${h.closes}`).join('；')

/** The list (or, with no facilities, the empty template) with a second sheet that says how to fill each column. */
export async function facilitySheet(facilities: AdminFacility[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('设施清单')
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const f of facilities) {
    sheet.addRow({
      ...f,
      functions: f.functions.map((c) => functionName[c]).join('、'),
      operatingModels: f.operatingModels.join('、'),
      operatorId: f.operatorId ?? '',
      phone: f.phone ?? '',
      hours: hoursText(f.hours),
      isReserve: f.isReserve ? '是' : '否',
    })
  }
  const help = book.addWorksheet('填写说明')
  help.columns = [
    { header: '列', key: 'header', width: 16 },
    { header: '怎么填', key: 'note', width: 80 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of COLUMNS) help.addRow({ header: c.header, note: c.note })
  help.addRow({ header: '', note: '任何一行有误时整张表都不会写入，并按「第 N 行 列名：原因」列出所有问题。' })
  return Buffer.from(await book.xlsx.writeBuffer())
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim()
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text).trim()
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    return ''
  }
  return String(value).trim()
}

/** The rows of the first sheet by column heading, or what is wrong with the file itself. */
export async function readFacilitySheet(file: Buffer): Promise<{ rows: SheetRow[] } | { problem: string }> {
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer)
  } catch {
    return { problem: '文件不是有效的 Excel 表格（.xlsx），请用下载的模板填写后上传' }
  }
  const sheet = book.worksheets[0]
  if (!sheet) return { problem: '表格里没有工作表' }
  const headings = new Map<string, number>()
  sheet.getRow(1).eachCell((cell, col) => headings.set(cellText(cell.value), col))
  const missing = COLUMNS.filter((c) => !headings.has(c.header)).map((c) => c.header)
  if (missing.length > 0) return { problem: `第 1 行缺少列：${missing.join('、')}。请用下载的模板填写` }
  const rows: SheetRow[] = []
  sheet.eachRow((row, line) => {
    if (line === 1) return
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, cellText(row.getCell(headings.get(c.header) as number).value)])) as SheetRow['cells']
    if (Object.values(cells).some((v) => v !== '')) rows.push({ line, cells })
  })
  if (rows.length === 0) return { problem: '表格里没有设施，请从第 2 行起填写' }
  return { rows }
}
