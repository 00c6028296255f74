import { z } from 'zod'
import { CARE_AGREEMENT, HALF_NAMES, HALVES, HOURLY_BLOCKS, INFANT_CARE_TYPE_NAMES, INFANT_CARE_TYPES } from './care-names'
export * from './care-names'

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


export const careConsentSchema = z.strictObject({
  serviceAgreementVersion: z.literal(CARE_AGREEMENT.version, { error: '请先阅读并同意托育服务协议' }),
  healthCheckDeclared: z.literal(true, { error: '请确认孩子已完成入托健康检查' }),
})
