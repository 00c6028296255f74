import { z } from 'zod'
import { sessionSchema } from './booking'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'
import { functionCodeSchema } from './functions'
import { clock } from './schedule'

/**
 * The functions whose facilities hold activities residents sign up for: 文化休闲 classes, 体育健身 sessions, 健康服务
 * check-ups and talks, 儿童游憩 open sessions, and 养老服务's activities beside its day places and nights.
 */
export const ACTIVITY_FUNCTIONS = ['culture', 'fitness', 'health', 'kids_play', 'elderly_care'] as const
export type ActivityFunction = (typeof ACTIVITY_FUNCTIONS)[number]
export const activityFunctionSchema = z.enum(ACTIVITY_FUNCTIONS, { error: '活动类别应为 文化休闲、体育健身、健康服务、儿童游憩 或 养老服务' })

/** How far ahead an activity may be published, and how many dates one publication may hold. */
export const ACTIVITY_DAYS_AHEAD = 90
export const ACTIVITY_MAX_DATES = 12

const age = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数（周岁）` })
    .min(0, { error: `${label}不能为负数` })
    .max(120, { error: `${label}不能超过 120 岁` })
    .nullable()
    .default(null)

/** What an operator publishes: one activity on one or more days, each day its own session with its own places. */
export const activityInputSchema = z
  .strictObject({
    function: activityFunctionSchema,
    title: z.string({ error: '请填写活动名称' }).trim().min(2, { error: '活动名称至少 2 个字' }).max(30, { error: '活动名称最多 30 个字' }),
    description: z.string({ error: '活动介绍应为文字' }).trim().max(300, { error: '活动介绍最多 300 个字' }).default(''),
    dates: z
      .array(calendarDateSchema, { error: '请选择活动日期' })
      .min(1, { error: '请至少选择一个活动日期' })
      .max(ACTIVITY_MAX_DATES, { error: `一次最多发布 ${ACTIVITY_MAX_DATES} 个日期` })
      .refine((dates) => new Set(dates).size === dates.length, { error: '活动日期有重复' }),
    starts: clock('开始时间'),
    ends: clock('结束时间'),
    places: z.number({ error: '名额应为数字' }).int({ error: '名额应为整数' }).min(1, { error: '名额至少 1 个' }).max(500, { error: '名额最多 500 个' }),
    priceFen: z
      .number({ error: '费用应为数字' })
      .int({ error: '费用以分为单位，应为整数' })
      .min(0, { error: '费用不能为负数' })
      .max(100_000, { error: '费用过高' })
      .default(0),
    minAge: age('最小年龄'),
    maxAge: age('最大年龄'),
  })
  .refine((a) => a.ends > a.starts, { error: '结束时间应晚于开始时间', path: ['ends'] })
  .refine((a) => a.minAge === null || a.maxAge === null || a.maxAge >= a.minAge, { error: '最大年龄不能小于最小年龄', path: ['maxAge'] })
export type ActivityInput = z.infer<typeof activityInputSchema>

/** An activity as residents see it, with its coming days (sessions of the one booking engine). */
export const activitySchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  function: functionCodeSchema,
  title: z.string(),
  description: z.string(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  priceFen: z.number().int(),
  sessions: z.array(sessionSchema),
})
export type Activity = z.infer<typeof activitySchema>

export const activityListSchema = z.object({ today: z.string(), activities: z.array(activitySchema) })
export type ActivityList = z.infer<typeof activityListSchema>

export const activityListQuerySchema = z.strictObject({ function: activityFunctionSchema.optional() })

/** The operator's view: each day's sign-ups, and whether it was withdrawn. */
export const staffActivitySchema = activitySchema.extend({
  withdrawn: z.boolean(),
  signedUp: z.number().int(),
})
export type StaffActivity = z.infer<typeof staffActivitySchema>
export const staffActivityListSchema = z.object({ activities: z.array(staffActivitySchema) })

export const activityParamsSchema = z.strictObject({ facilityId: idSchema, activityId: idSchema })
export const withdrawActivityBodySchema = z.strictObject({
  reason: z.string({ error: '请填写取消原因' }).trim().min(2, { error: '请填写取消原因，报名的居民会收到' }).max(60, { error: '取消原因最多 60 个字' }),
})
export const withdrawActivityResultSchema = z.object({ cancelled: z.number().int() })
