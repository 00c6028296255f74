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
