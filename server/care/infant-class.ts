import { INFANT_CLASSES } from '@shared/care'

export type InfantClass = (typeof INFANT_CLASSES)[number]

/** Full months of age on a day: born 2025-03-10 is 11 months on 2026-03-09 and 12 months on 2026-03-10. */
export function monthsOld(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0)
}

/**
 * The child's class on a service day (托育机构设置标准: 乳儿班 6–12 months, 托小班 12–24, 托大班 24–36), or undefined
 * outside 6–36 months. Each class takes the months from its lower bound up to, not including, its upper one.
 */
export function infantClassOn(birthDate: string, day: string): InfantClass | undefined {
  const months = monthsOld(birthDate, day)
  return INFANT_CLASSES.find((c) => months >= c.fromMonths && months < c.toMonths)
}
