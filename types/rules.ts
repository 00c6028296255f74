import { z } from 'zod'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'
import { WEIGHTED_METRICS } from './evaluation'
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
/** The words a clerk reads and writes (the calendar sheet's 类型 column too). */
export const CALENDAR_KIND_NAMES: Record<CalendarDay['kind'], string> = { holiday: '放假', workday: '调休上班' }

/** What a calendar import wrote, by date: each year in the sheet replaces that year's days as a whole. */
export const calendarImportResultSchema = z.object({
  years: z.array(z.string()),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  removed: z.array(z.string()),
  unchanged: z.array(z.string()),
})
export type CalendarImportResult = z.infer<typeof calendarImportResultSchema>

/** One year's holidays and 调休 days, replaced as a whole (as the State Council publishes them each year). */
export const calendarYearSchema = z.strictObject({
  days: z
    .array(calendarDaySchema, { error: '请填写日期' })
    .max(80, { error: '一年最多 80 天' })
    .refine((days) => new Set(days.map((d) => d.date)).size === days.length, { error: '同一天不能出现两次' }),
})
/** A school break (寒假, 暑假, a holiday without school): 儿童托管 runs all day then, instead of after school. */
export const schoolBreakSchema = z
  .strictObject({
    from: calendarDateSchema,
    to: calendarDateSchema,
    name: z.string({ error: '请填写名称' }).trim().min(1, { error: '请填写名称，例如 寒假' }).max(20, { error: '名称最多 20 个字' }),
  })
  .refine((b) => b.from <= b.to, { error: '结束日期不能早于开始日期', path: ['to'] })
export type SchoolBreakRule = z.infer<typeof schoolBreakSchema>

/** The district's school breaks, replaced as a whole (as the education bureau publishes its calendar). */
export const schoolBreaksSchema = z.strictObject({
  breaks: z
    .array(schoolBreakSchema, { error: '请填写假期' })
    .max(60, { error: '假期最多 60 段' })
    .refine((breaks) => {
      const sorted = [...breaks].sort((a, b) => a.from.localeCompare(b.from))
      return sorted.every((b, i) => i === 0 || b.from > sorted[i - 1].to)
    }, { error: '假期之间不能重叠' }),
})

export const schoolBreakImportResultSchema = z.object({ breaks: z.array(schoolBreakSchema) })
export type SchoolBreakImportResult = z.infer<typeof schoolBreakImportResultSchema>

export const calendarYearParamsSchema = z.strictObject({ year: z.string().regex(/^20\d{2}$/, { error: '年份应为四位数字，例如 2027' }) })
export const noShowParamsSchema = z.strictObject({ function: functionCodeSchema })

const share = (label: string) => z.number({ error: `${label}应为 0 到 1 之间的数` }).min(0, { error: `${label}不能小于 0` }).max(1, { error: `${label}不能大于 1` })

/** How operators are scored and judged: the weights of the composite (summing to 1) and the thresholds. */
export const evaluationRulesSchema = z.strictObject({
  weights: z
    .strictObject(Object.fromEntries(WEIGHTED_METRICS.map((m) => [m, share('权重')])) as Record<(typeof WEIGHTED_METRICS)[number], ReturnType<typeof share>>)
    .refine((w) => Math.abs(Object.values(w).reduce((sum, x) => sum + x, 0) - 1) < 0.001, { error: '各项权重之和应为 1' }),
  priorWeight: whole('小样本修正的先验条数', 0, 100),
  rankMinBookings: whole('参与排名的最少预约数', 1, 1000),
  rankMinRatings: whole('参与排名的最少评价数', 1, 1000),
  minRatings: whole('评定合格的最少评价数', 0, 1000),
  minSatisfaction: share('合格满意率'),
  maxOverdue: whole('允许逾期整改件数', 0, 100),
})
export type EvaluationRules = z.infer<typeof evaluationRulesSchema>

/** A facility's booking rule for one function: how far ahead, until when, how many. */
const bookingRuleFields = z.strictObject({
    horizonDays: whole('可提前预约天数', 1, 90),
    cutoffMinutes: whole('截止时间（开始前分钟）', 0, 10_080),
    cancelMinutes: whole('取消期限（开始前分钟）', 0, 10_080),
    maxUnits: whole('每单最多份数', 1, 20),
    maxUnitsPerAccount: whole('每个账号最多份数', 1, 50),
    reminderMinutes: whole('提醒时间（开始前分钟）', 0, 10_080),
    maxRunDays: whole('连续预约最多天数', 1, 60).nullable(),
})
export const bookingRuleSchema = bookingRuleFields.refine((r) => r.maxUnitsPerAccount >= r.maxUnits, {
  error: '每个账号最多份数应不少于每单最多份数',
  path: ['maxUnitsPerAccount'],
})
export type BookingRule = z.infer<typeof bookingRuleSchema>
/** A stored booking rule, with the facility and function it is for (an answer: keys it does not name are dropped). */
export const bookingRuleEntrySchema = z.object({ ...bookingRuleFields.shape, facilityId: z.string(), function: functionCodeSchema })
export const bookingRuleParamsSchema = z.strictObject({ facilityId: idSchema, function: functionCodeSchema })

export const districtRulesSchema = z.object({
  evaluation: evaluationRulesSchema,
  booking: z.array(bookingRuleEntrySchema),
  rating: ratingRulesSchema,
  noShow: z.array(noShowRuleSchema.extend({ function: functionCodeSchema })),
  subsidyTiers: z.array(subsidyTierSchema),
  calendar: z.array(calendarDaySchema),
  schoolBreaks: z.array(schoolBreakSchema),
})
export type DistrictRules = z.infer<typeof districtRulesSchema>

/**
 * The rules as a clerk reads them: `canEdit` says whether the server takes this clerk's changes to the district's rules
 * (district staff); each booking rule says the same for itself (a street office keeps its own facilities' rules).
 */
export const districtRulesViewSchema = districtRulesSchema.extend({
  canEdit: z.boolean(),
  booking: z.array(bookingRuleEntrySchema.extend({ canEdit: z.boolean() })),
  /** The caller's facilities' bookable functions that have no booking rule yet (a new facility's): booked only once set. */
  bookingUnset: z.array(z.object({ facilityId: z.string(), function: functionCodeSchema })),
})
export type DistrictRulesView = z.infer<typeof districtRulesViewSchema>
