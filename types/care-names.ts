// No zod here: the booking pages draw these names and load none of zod (see serverChecked in src/api/client.ts).

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

/** The guardian's service agreement and health-check declaration, asked on the first booking at a facility. */
export const CARE_AGREEMENT = {
  version: 'care-2026-11',
  text:
    '我已阅读并同意本设施的托育服务协议（收费、接送、请假与安全责任），并声明孩子已按规定完成入托健康检查，' +
    '没有不宜集体生活的疾病；如孩子健康情况变化，我会及时告知老师。',
} as const
