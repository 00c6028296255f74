import ExcelJS from 'exceljs'
import { DomainError } from '../http/errors'

// What the district's spreadsheets share (the facility list, the calendar): a first sheet whose headings are the
// contract (columns are found by heading, so a clerk may reorder them), a 填写说明 sheet, and an import refused as a
// whole with every problem named by row and column.

export interface SheetColumn<K extends string = string> {
  key: K
  header: string
  width: number
  note: string
}
export type SheetRow<K extends string> = { line: number; cells: Record<K, string> }

/** Every problem of a refused import, by row and column, in the words of the sheet. */
export class ImportRefusedError extends DomainError {
  constructor(readonly problems: string[]) {
    super('invalid_input', `表格有 ${problems.length} 处问题，没有写入任何内容：${problems.slice(0, 3).join('；')}${problems.length > 3 ? ' …' : ''}`, {
      field: 'file',
      problems,
    })
  }
}

/** 「第 3 行 面积（㎡）：面积应为数字」: how an import names a problem. */
export const problemAt = (line: number, header: string, reason: string) => `第 ${line} 行 ${header}：${reason}`

/** The rows (none for the empty template) with a second sheet that says how to fill each column. */
export async function writeSheet<K extends string>(
  title: string,
  columns: readonly SheetColumn<K>[],
  rows: Record<K, string | number>[],
  notes: string[] = [],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(title)
  sheet.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows) sheet.addRow(row)
  const help = book.addWorksheet('填写说明')
  help.columns = [
    { header: '列', key: 'header', width: 16 },
    { header: '怎么填', key: 'note', width: 80 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of columns) help.addRow({ header: c.header, note: c.note })
  for (const note of [...notes, '任何一行有误时整张表都不会写入，并按「第 N 行 列名：原因」列出所有问题。']) help.addRow({ header: '', note })
  return Buffer.from(await book.xlsx.writeBuffer())
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim()
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text).trim()
    // Excel keeps a typed date as midnight UTC of that day.
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    return ''
  }
  return String(value).trim()
}

/** The non-empty rows of the first sheet by column heading, or what is wrong with the file itself. */
export async function readSheet<K extends string>(
  file: Buffer,
  columns: readonly SheetColumn<K>[],
  empty: string,
): Promise<{ rows: SheetRow<K>[] } | { problem: string }> {
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
  const missing = columns.filter((c) => !headings.has(c.header)).map((c) => c.header)
  if (missing.length > 0) return { problem: `第 1 行缺少列：${missing.join('、')}。请用下载的模板填写` }
  const rows: SheetRow<K>[] = []
  sheet.eachRow((row, line) => {
    if (line === 1) return
    const cells = Object.fromEntries(columns.map((c) => [c.key, cellText(row.getCell(headings.get(c.header) as number).value)])) as Record<K, string>
    if (Object.values(cells).some((v) => v !== '')) rows.push({ line, cells })
  })
  if (rows.length === 0) return { problem: empty }
  return { rows }
}
