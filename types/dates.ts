import { z } from 'zod'

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/**
 * Whether a text is a calendar day 'YYYY-MM-DD' that exists (2026-02-30 and 2026-13-01 do not). Never throws,
 * whatever it is given: it runs on what residents type and what anyone sends.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return false
  const [year, month, day] = value.split('-').map(Number)
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** A calendar day 'YYYY-MM-DD' that exists; a malformed one stops at the format, before any other check. */
export const calendarDateSchema = z
  .string({ error: '日期应为文字，格式 YYYY-MM-DD' })
  .regex(DATE_SHAPE, { error: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { error: '没有这一天', abort: true })
