import { z } from 'zod'

/**
 * 托育机构设置标准（试行）: classes by age in months on the service day, each with the standard's most children.
 * A facility may set fewer places; a child outside 6–36 months is not taken.
 */
export const INFANT_CLASSES = [
  { code: 'infant', name: '乳儿班', fromMonths: 6, toMonths: 12, maxChildren: 10 },
  { code: 'toddler_small', name: '托小班', fromMonths: 12, toMonths: 24, maxChildren: 15 },
  { code: 'toddler_large', name: '托大班', fromMonths: 24, toMonths: 36, maxChildren: 20 },
] as const
export type InfantClassCode = (typeof INFANT_CLASSES)[number]['code']
export const INFANT_CLASS_NAMES: Record<string, string> = Object.fromEntries(INFANT_CLASSES.map((c) => [c.code, c.name]))

/** 婴幼儿托育 service types. Every type takes one of the child's class places for the day (a class counts the children
 * it takes that day, so the standard's class size holds whatever mix of types is booked). */
export const INFANT_CARE_TYPES = ['full_day', 'half_day', 'hourly', 'temporary'] as const
export type InfantCareType = (typeof INFANT_CARE_TYPES)[number]
export const INFANT_CARE_TYPE_NAMES: Record<InfantCareType, string> = {
  full_day: '全日托',
  half_day: '半日托',
  hourly: '计时托',
  temporary: '临时托',
}
export const HALVES = ['morning', 'afternoon'] as const
/** 半日托's two halves of the day and their hours. */
export const HALF_PERIODS: Record<(typeof HALVES)[number], { name: string; from: string; to: string }> = {
  morning: { name: '上午', from: '08:00', to: '12:00' },
  afternoon: { name: '下午', from: '13:30', to: '17:30' },
}
export const HALF_NAMES: Record<(typeof HALVES)[number], string> = {
  morning: `${HALF_PERIODS.morning.name} ${HALF_PERIODS.morning.from}–${HALF_PERIODS.morning.to}`,
  afternoon: `${HALF_PERIODS.afternoon.name} ${HALF_PERIODS.afternoon.from}–${HALF_PERIODS.afternoon.to}`,
}
/** 计时托: whole-hour blocks from 08:00, ending by 17:00, at most four hours a day. */
export const HOURLY_BLOCKS = { firstHour: 8, endHour: 17, maxHours: 4 } as const

export const infantCareChoiceSchema = z
  .strictObject({
    type: z.enum(INFANT_CARE_TYPES, { error: '托育类型应为 全日托、半日托、计时托 或 临时托' }),
    half: z.enum(HALVES, { error: '请选择上午或下午' }).optional(),
    startHour: z
      .number({ error: '开始时间应为整点' })
      .int({ error: '开始时间应为整点' })
      .min(HOURLY_BLOCKS.firstHour, { error: `计时托最早 ${HOURLY_BLOCKS.firstHour}:00 开始` })
      .max(HOURLY_BLOCKS.endHour - 1, { error: `计时托最晚 ${HOURLY_BLOCKS.endHour - 1}:00 开始` })
      .optional(),
    hours: z
      .number({ error: '小时数应为整数' })
      .int({ error: '小时数应为整数' })
      .min(1, { error: '至少 1 小时' })
      .max(HOURLY_BLOCKS.maxHours, { error: `每天最多 ${HOURLY_BLOCKS.maxHours} 小时` })
      .optional(),
  })
  .refine((c) => c.type !== 'half_day' || c.half !== undefined, { error: '半日托请选择上午或下午', path: ['half'] })
  .refine((c) => c.type !== 'hourly' || (c.startHour !== undefined && c.hours !== undefined), {
    error: '计时托请选择开始时间和小时数',
    path: ['hours'],
  })
  .refine((c) => c.type !== 'hourly' || (c.startHour ?? 0) + (c.hours ?? 0) <= HOURLY_BLOCKS.endHour, {
    error: `计时托须在 ${HOURLY_BLOCKS.endHour}:00 前结束`,
    path: ['hours'],
  })
export type InfantCareChoice = z.infer<typeof infantCareChoiceSchema>

/** 9 → "09:00". */
export const wholeHour = (h: number): string => `${String(h).padStart(2, '0')}:00`

/** "半日托（上午 08:00–12:00）", "计时托 09:00–11:00": what was booked, in words. */
export function infantCareName(choice: InfantCareChoice): string {
  const name = INFANT_CARE_TYPE_NAMES[choice.type]
  if (choice.type === 'half_day' && choice.half) return `${name}（${HALF_NAMES[choice.half]}）`
  if (choice.type === 'hourly' && choice.startHour !== undefined && choice.hours !== undefined) {
    return `${name} ${wholeHour(choice.startHour)}–${wholeHour(choice.startHour + choice.hours)}`
  }
  return name
}

/** 老年人能力评估 levels staff record before a respite stay is confirmed. */
export const CARE_LEVELS = ['能力完好', '轻度失能', '中度失能', '重度失能', '完全失能'] as const
export type CareLevel = (typeof CARE_LEVELS)[number]

/** The guardian's service agreement and health-check declaration, asked on the first booking at a facility. */
export const CARE_AGREEMENT = {
  version: 'care-2026-11',
  text:
    '我已阅读并同意本设施的托育服务协议（收费、接送、请假与安全责任），并声明孩子已按规定完成入托健康检查，' +
    '没有不宜集体生活的疾病；如孩子健康情况变化，我会及时告知老师。',
} as const

export const careConsentSchema = z.strictObject({
  serviceAgreementVersion: z.literal(CARE_AGREEMENT.version, { error: '请先阅读并同意托育服务协议' }),
  healthCheckDeclared: z.literal(true, { error: '请确认孩子已完成入托健康检查' }),
})
