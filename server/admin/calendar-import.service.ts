import { CALENDAR_KIND_NAMES, type CalendarDay, type CalendarImportResult, calendarDaySchema, calendarYearParamsSchema } from '@shared/rules'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { CALENDAR_COLUMNS, type CalendarColumnKey, readCalendarSheet } from './calendar-sheet'
import type { Actor } from './facility-admin.service'
import { readCalendar, replaceCalendarYear } from './rules.service'
import { ImportRefusedError, problemAt } from './sheet'

const HEADER = Object.fromEntries(CALENDAR_COLUMNS.map((c) => [c.key, c.header])) as Record<CalendarColumnKey, string>
const KIND_OF = new Map(Object.entries(CALENDAR_KIND_NAMES).map(([kind, name]) => [name, kind as CalendarDay['kind']]))
/** As many days as one year may hold (calendarYearSchema says the same for the form). */
const MAX_DAYS_A_YEAR = 80

/**
 * Reads the calendar sheet, checks every row, and only if no row has a problem replaces each year the sheet names, in
 * one transaction, each year audited as `calendar:<year>` like a year saved in the form. Importing the same sheet
 * again changes nothing; a year not in the sheet is left as it is.
 */
export async function importCalendar(db: Kysely<Database>, actor: Actor, file: Buffer, now: Date): Promise<CalendarImportResult> {
  const sheet = await readCalendarSheet(file)
  if ('problem' in sheet) throw new ImportRefusedError([sheet.problem])

  const problems: string[] = []
  const byYear = new Map<string, CalendarDay[]>()
  const seen = new Map<string, number>()
  for (const { line, cells } of sheet.rows) {
    const say = (key: CalendarColumnKey, reason: string) => problems.push(problemAt(line, HEADER[key], reason))
    const kind = KIND_OF.get(cells.kind)
    if (!kind) say('kind', cells.kind ? `不认识「${cells.kind}」，应填 放假 或 调休上班` : '请填写 放假 或 调休上班')
    const checked = calendarDaySchema.safeParse({ date: cells.date, kind: kind ?? 'holiday', name: cells.name })
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        if (issue.path[0] === 'name') say('name', issue.message)
        else say('date', cells.date ? issue.message : '请填写日期')
      }
      continue
    }
    const day = checked.data
    const year = day.date.slice(0, 4)
    const yearCheck = calendarYearParamsSchema.shape.year.safeParse(year)
    if (!yearCheck.success) say('date', yearCheck.error.issues[0].message)
    if (seen.has(day.date)) say('date', `与第 ${seen.get(day.date)} 行重复`)
    else seen.set(day.date, line)
    const days = byYear.get(year) ?? []
    if (days.length >= MAX_DAYS_A_YEAR) say('date', `${year} 年最多 ${MAX_DAYS_A_YEAR} 天`)
    if (kind) byYear.set(year, [...days, day])
  }
  if (problems.length > 0) throw new ImportRefusedError(problems)

  const years = [...byYear.keys()].sort()
  return db.transaction().execute(async (trx) => {
    const result: CalendarImportResult = { years, created: [], updated: [], removed: [], unchanged: [] }
    for (const year of years) {
      const days = (byYear.get(year) ?? []).sort((a, b) => a.date.localeCompare(b.date))
      const before = new Map((await readCalendar(trx, year)).map((d) => [d.date, d]))
      for (const day of days) {
        const was = before.get(day.date)
        const list = !was ? result.created : was.kind === day.kind && was.name === day.name ? result.unchanged : result.updated
        list.push(day.date)
      }
      const kept = new Set(days.map((d) => d.date))
      result.removed.push(...[...before.keys()].filter((date) => !kept.has(date)))
      // A year the sheet leaves as it was is not written, nor audited.
      if (result.unchanged.filter((date) => date.startsWith(`${year}-`)).length === days.length && days.length === before.size) continue
      await replaceCalendarYear(trx, actor, year, days, now)
    }
    return result
  })
}
