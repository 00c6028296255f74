import { z } from 'zod'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'
import { functionCodeSchema } from './functions'
import { subsidyCategorySchema } from './member'

// The district's rules as data, edited by district staff with these checks (server and form alike), audited.

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` })

export const ratingRulesSchema = z.strictObject({
  /** Days after the service a resident may still rate it. */
  windowDays: whole('评价期限（天）', 1, 365),
  /** Working days an operator has to answer a 差评. */
  rectificationWorkingDays: whole('整改期限（工作日）', 1, 60),
})
export type RatingRules = z.infer<typeof ratingRulesSchema>

export const noShowRuleSchema = z.strictObject({
  maxNoShows: whole('未到场次数', 1, 30),
  windowDays: whole('统计天数', 1, 365),
  suspendDays: whole('暂停天数', 0, 365),
})
export type NoShowRule = z.infer<typeof noShowRuleSchema>

export const subsidyTierSchema = z
  .strictObject({
    id: idSchema,
    name: z.string({ error: '请填写名称' }).trim().min(1, { error: '请填写名称' }).max(30, { error: '名称最多 30 个字' }),
    minAge: whole('起始年龄', 0, 120),
    maxAge: whole('截止年龄', 0, 120).nullable(),
    category: subsidyCategorySchema.nullable(),
    amountFen: whole('补贴金额（分）', 0, 100_00),
  })
  .refine((t) => t.maxAge === null || t.maxAge >= t.minAge, { error: '截止年龄应不小于起始年龄', path: ['maxAge'] })
export type SubsidyTier = z.infer<typeof subsidyTierSchema>

export const subsidyTiersSchema = z.strictObject({
  tiers: z
    .array(subsidyTierSchema, { error: '请填写补贴档次' })
    .max(20, { error: '补贴档次最多 20 个' })
    .refine((tiers) => new Set(tiers.map((t) => t.id)).size === tiers.length, { error: '补贴档次的编号不能重复' }),
})

export const calendarDaySchema = z.strictObject({
  date: calendarDateSchema,
  /** holiday: a weekday off; workday: a weekend day worked (调休). */
  kind: z.enum(['holiday', 'workday'], { error: '应为 放假 或 调休上班' }),
  name: z.string({ error: '请填写名称' }).trim().min(1, { error: '请填写名称，例如 春节' }).max(20, { error: '名称最多 20 个字' }),
})
export type CalendarDay = z.infer<typeof calendarDaySchema>

/** One year's holidays and 调休 days, replaced as a whole (as the State Council publishes them each year). */
export const calendarYearSchema = z.strictObject({
  days: z
    .array(calendarDaySchema, { error: '请填写日期' })
    .max(80, { error: '一年最多 80 天' })
    .refine((days) => new Set(days.map((d) => d.date)).size === days.length, { error: '同一天不能出现两次' }),
})
export const calendarYearParamsSchema = z.strictObject({ year: z.string().regex(/^20\d{2}$/, { error: '年份应为四位数字，例如 2027' }) })
export const noShowParamsSchema = z.strictObject({ function: functionCodeSchema })

export const districtRulesSchema = z.object({
  rating: ratingRulesSchema,
  noShow: z.array(noShowRuleSchema.extend({ function: functionCodeSchema })),
  subsidyTiers: z.array(subsidyTierSchema),
  calendar: z.array(calendarDaySchema),
})
export type DistrictRules = z.infer<typeof districtRulesSchema>
