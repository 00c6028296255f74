import { z } from 'zod'

/** A calendar day 'YYYY-MM-DD' that exists (2026-02-30 is refused). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: '没有这一天' })
