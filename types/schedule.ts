import { z } from 'zod'
import { INFANT_CLASSES } from './care'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'
import type { FunctionCode } from './functions'

/**
 * The weekly schedules operators publish for the care services, as they do their meal plan: which weekdays, the
 * hours, the places (per class for 托育) and the price. 儿童托管 has two: after school on school days and all day in
 * the school breaks (the district's school calendar decides which days are which).
 */
export const CARE_SCHEDULES = [
  { code: 'infant_care', function: 'infant_care', part: 'full_day', name: '全日托', days: 'any', overnight: false, unit: '元/天' },
  { code: 'after_school', function: 'child_care', part: 'afternoon', name: '放学后托管', days: 'school_days', overnight: false, unit: '元/次' },
  { code: 'holiday_care', function: 'child_care', part: 'full_day', name: '假期托管', days: 'school_breaks', overnight: false, unit: '元/天' },
  { code: 'day_care', function: 'elderly_care', part: 'full_day', name: '日间照料', days: 'any', overnight: false, unit: '元/天' },
  { code: 'respite', function: 'elderly_care', part: 'night', name: '短期托养（夜间）', days: 'any', overnight: true, unit: '元/晚' },
] as const satisfies readonly {
  code: string
  function: FunctionCode
  part: string
  name: string
  /** school_days: only on school days among the weekdays; school_breaks: only in the school breaks. */
  days: 'any' | 'school_days' | 'school_breaks'
  /** A night ends the next morning: its end is earlier on the clock than its start. */
  overnight: boolean
  /** How its price is posted: per day, per session, per night. */
  unit: string
}[]
export type CareSchedule = (typeof CARE_SCHEDULES)[number]
export type CareScheduleCode = CareSchedule['code']
export const careScheduleCodeSchema = z.enum(CARE_SCHEDULES.map((s) => s.code) as [CareScheduleCode, ...CareScheduleCode[]], {
  error: `服务应为 ${CARE_SCHEDULES.map((s) => s.code).join('、')} 之一`,
})
export const careScheduleOf = (code: CareScheduleCode): CareSchedule => CARE_SCHEDULES.find((s) => s.code === code) as CareSchedule

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const
export const MAX_WEEKS_AHEAD = 12

export const clock = (label: string) => z.string({ error: `请填写${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}格式应为 HH:MM` })
const fen = (label: string) =>
  z.number({ error: `${label}应为数字` }).int({ error: `${label}以分为单位，应为整数` }).min(0, { error: `${label}不能为负数` }).max(1_000_000, { error: `${label}过高` })

/** 托育: the places and the day's price of each class (托育机构设置标准 caps a class's children). */
export const careClassSchema = z
  .strictObject({
    classCode: z.enum(INFANT_CLASSES.map((c) => c.code) as [string, ...string[]], { error: '班级应为 乳儿班、托小班 或 托大班' }),
    capacity: z.number({ error: '名额应为数字' }).int({ error: '名额应为整数' }).min(0, { error: '名额不能为负数' }),
    priceFen: fen('价格'),
  })
  .superRefine((c, ctx) => {
    const standard = INFANT_CLASSES.find((k) => k.code === c.classCode)
    if (standard && c.capacity > standard.maxChildren) {
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: `${standard.name}最多 ${standard.maxChildren} 人（托育机构设置标准）` })
    }
  })

export const careScheduleDaySchema = z.strictObject({
  weekday: z.number({ error: '星期应为 0（周一）到 6（周日）' }).int().min(0, { error: '星期应为 0（周一）到 6（周日）' }).max(6, { error: '星期应为 0（周一）到 6（周日）' }),
  starts: clock('开始时间'),
  ends: clock('结束时间'),
  /** Places (beds for 短期托养); for 托育 the sum of its classes' places, which the server counts. */
  capacity: z.number({ error: '名额应为数字' }).int({ error: '名额应为整数' }).min(0, { error: '名额不能为负数' }).max(10_000, { error: '名额过多' }),
  /** The price of the day (the night); for 托育 each class has its own. */
  priceFen: fen('价格'),
  classes: z.array(careClassSchema).max(INFANT_CLASSES.length).optional(),
})
export type CareScheduleDay = z.infer<typeof careScheduleDaySchema>

/** A service's week as the operator saves it: replaced as a whole; days already published keep what they have. */
export const careScheduleBodySchema = z.strictObject({
  weeksAhead: z
    .number({ error: '提前发布周数应为数字' })
    .int({ error: '提前发布周数应为整数' })
    .min(1, { error: '至少提前 1 周发布' })
    .max(MAX_WEEKS_AHEAD, { error: `最多提前 ${MAX_WEEKS_AHEAD} 周发布` }),
  days: z
    .array(careScheduleDaySchema, { error: '请填写每周的服务日' })
    .max(7)
    .refine((days) => new Set(days.map((d) => d.weekday)).size === days.length, { error: '同一个星期几不能出现两次' }),
})
export type CareScheduleBody = z.infer<typeof careScheduleBodySchema>

export const careScheduleParamsSchema = z.strictObject({
  facilityId: idSchema,
  schedule: careScheduleCodeSchema,
})

export const careSchedulesSchema = z.object({
  schedules: z.array(
    careScheduleBodySchema.extend({
      code: careScheduleCodeSchema,
      name: z.string(),
      /** The last day published so far, if any: days up to it keep what they were published with. */
      publishedThrough: calendarDateSchema.nullable(),
    }),
  ),
})
export type CareSchedules = z.infer<typeof careSchedulesSchema>
export const carePublishResultSchema = z.object({ created: z.number().int() })

/** 托育 by the half day, the hour or the day (全日托 is priced on the schedule's classes): a type without a rate is not offered. */
export const INFANT_RATE_TYPES = ['half_day', 'hourly', 'temporary'] as const
export const INFANT_RATE_UNITS: Record<(typeof INFANT_RATE_TYPES)[number], string> = { half_day: '元/半天', hourly: '元/小时', temporary: '元/天' }
export const infantRatesSchema = z.strictObject({
  rates: z
    .array(
      z.strictObject({
        classCode: z.enum(INFANT_CLASSES.map((c) => c.code) as [string, ...string[]], { error: '班级应为 乳儿班、托小班 或 托大班' }),
        careType: z.enum(INFANT_RATE_TYPES, { error: '托育类型应为 半日托、计时托 或 临时托' }),
        priceFen: fen('价格'),
      }),
      { error: '请填写价格' },
    )
    .max(INFANT_CLASSES.length * INFANT_RATE_TYPES.length)
    .refine((rates) => new Set(rates.map((r) => `${r.classCode}|${r.careType}`)).size === rates.length, { error: '同一班级的同一类型不能出现两次' }),
})
export type InfantRates = z.infer<typeof infantRatesSchema>
