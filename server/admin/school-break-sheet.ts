import { type SchoolBreakRule, type SchoolBreakImportResult, schoolBreakSchema, schoolBreaksSchema } from '@shared/rules'
import type { Kysely } from 'kysely'
import { findSchoolBreaks } from '../calendar/school-days'
import type { Database } from '../db/schema'
import type { Actor } from './facility-admin.service'
import { setSchoolBreaks } from './rules.service'
import { ImportRefusedError, type SheetColumn, problemAt, readSheet, writeSheet } from './sheet'

// The school breaks (寒假, 暑假, holidays without school) as a spreadsheet, one break a row, as the education bureau's
// 校历 lists them. The sheet is the whole list: importing it replaces every break, as the form does.

export const SCHOOL_BREAK_COLUMNS = [
  { key: 'from', header: '开始日期', width: 14, note: '假期第一天，年-月-日，例如 2027-01-16（也可以是 Excel 的日期格式）' },
  { key: 'to', header: '结束日期', width: 14, note: '假期最后一天（含），例如 2027-02-21' },
  { key: 'name', header: '名称', width: 20, note: '例如 寒假、暑假、国庆节，最多 20 个字' },
] as const satisfies readonly SheetColumn[]
type Key = (typeof SCHOOL_BREAK_COLUMNS)[number]['key']
const HEADER = Object.fromEntries(SCHOOL_BREAK_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>
const NOTES = ['表格就是全部学校假期：导入后以表格为准，表格中没有的假期不再算假期。已发布的托管日期不变。']

export const schoolBreakSheet = (breaks: SchoolBreakRule[]): Promise<Buffer> => writeSheet('学校假期', SCHOOL_BREAK_COLUMNS, breaks, NOTES)

/** Checks every row (and that no two breaks overlap), and only then replaces the district's breaks. */
export async function importSchoolBreaks(db: Kysely<Database>, actor: Actor, file: Buffer, now: Date): Promise<SchoolBreakImportResult> {
  const sheet = await readSheet(file, SCHOOL_BREAK_COLUMNS, '表格里没有假期，请从第 2 行起填写')
  if ('problem' in sheet) throw new ImportRefusedError([sheet.problem])
  const problems: string[] = []
  const breaks: (SchoolBreakRule & { line: number })[] = []
  for (const { line, cells } of sheet.rows) {
    const checked = schoolBreakSchema.safeParse(cells)
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = (issue.path[0] ?? 'from') as Key
        problems.push(problemAt(line, HEADER[key] ?? HEADER.from, cells[key] === '' ? `请填写${HEADER[key]}` : issue.message))
      }
      continue
    }
    breaks.push({ ...checked.data, line })
  }
  const sorted = [...breaks].sort((a, b) => a.from.localeCompare(b.from))
  sorted.forEach((b, i) => {
    const previous = sorted[i - 1]
    if (previous && b.from <= previous.to) problems.push(problemAt(b.line, HEADER.from, `与第 ${previous.line} 行的${previous.name}重叠`))
  })
  if (problems.length > 0) throw new ImportRefusedError(problems)
  const list = schoolBreaksSchema.parse({ breaks: sorted.map(({ line: _, ...b }) => b) }).breaks
  await setSchoolBreaks(db, actor, list, now)
  return { breaks: await findSchoolBreaks(db, actor.scope.districtId) }
}
