import { INFANT_CLASSES } from '@shared/care'
import { monthsOld } from '@shared/eligibility'

export { monthsOld }
export type InfantClass = (typeof INFANT_CLASSES)[number]

/**
 * The child's class on a service day (托育机构设置标准: 乳儿班 6–12 months, 托小班 12–24, 托大班 24–36), or undefined
 * outside 6–36 months. Each class takes the months from its lower bound up to, not including, its upper one.
 */
export function infantClassOn(birthDate: string, day: string): InfantClass | undefined {
  const months = monthsOld(birthDate, day)
  return INFANT_CLASSES.find((c) => months >= c.fromMonths && months < c.toMonths)
}
