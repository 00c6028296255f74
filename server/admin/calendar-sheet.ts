import { CALENDAR_KIND_NAMES, type CalendarDay } from '@shared/rules'
import { type SheetColumn, type SheetRow, readSheet, writeSheet } from './sheet'

// Holidays and 调休 days as a spreadsheet, one day a row, as the State Council's notice lists them.

export const CALENDAR_COLUMNS = [
  { key: 'date', header: '日期', width: 14, note: '年-月-日，例如 2027-02-06（也可以是 Excel 的日期格式）' },
  { key: 'kind', header: '类型', width: 12, note: '放假（工作日放假）或 调休上班（周末上班）' },
  { key: 'name', header: '名称', width: 24, note: '例如 春节、春节调休，最多 20 个字' },
] as const satisfies readonly SheetColumn[]
export type CalendarColumnKey = (typeof CALENDAR_COLUMNS)[number]['key']

const NOTES = ['表格中出现的年份，整年以表格为准（表格中没有的那天不再放假或调休）；没有出现的年份不变。']

/** Every stored day (or, with none, the empty template), with the 填写说明 sheet. */
export const calendarSheet = (days: CalendarDay[]): Promise<Buffer> =>
  writeSheet(
    '节假日与调休',
    CALENDAR_COLUMNS,
    days.map((d) => ({ date: d.date, kind: CALENDAR_KIND_NAMES[d.kind], name: d.name })),
    NOTES,
  )

export const readCalendarSheet = (file: Buffer): Promise<{ rows: SheetRow<CalendarColumnKey>[] } | { problem: string }> =>
  readSheet(file, CALENDAR_COLUMNS, '表格里没有日期，请从第 2 行起填写')
