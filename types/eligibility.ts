import { INFANT_CLASSES } from './care-names'
import type { BookableServiceCode } from './services'

/**
 * Who each service takes, by age on the service day (Asia/Shanghai): the one rule the server applies when booking and
 * the booking pages apply to offer only those it takes. 托育: 6–36 months (托育机构设置标准); 儿童托管: school age, 6
 * to under 14; 日间照料 and 短期托养: 60 and over; 助餐: anyone (the subsidy has its own ages).
 */
export const SERVICE_AGES = {
  infant_care: { fromMonths: INFANT_CLASSES[0].fromMonths, underMonths: INFANT_CLASSES[INFANT_CLASSES.length - 1].toMonths },
  after_school: { fromYears: 6, underYears: 14 },
  day_care: { fromYears: 60 },
  respite: { fromYears: 60 },
} as const

/** Full months of age on a day: born 2025-03-10 is 11 months on 2026-03-09 and 12 months on 2026-03-10. */
export function monthsOld(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0)
}

/** Age in full years on a day: the birthday itself counts. */
export const yearsOld = (birthDate: string, day: string): number => Math.floor(monthsOld(birthDate, day) / 12)

/** An age as a parent says it: "18 个月" for a small child, "8 岁" after that (never "101 个月"). */
export function ageWords(birthDate: string, day: string): string {
  const months = monthsOld(birthDate, day)
  return months < 48 ? `${months} 个月` : `${Math.floor(months / 12)} 岁`
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string }

export interface Candidate {
  name: string
  birthDate: string | null
}

/** Whether a service takes a person on a day, and if not, why, in a sentence naming them. */
export function serviceEligibility(service: BookableServiceCode, person: Candidate, day: string): Eligibility {
  if (service === 'meal') return { eligible: true }
  const { birthDate, name } = person
  if (!birthDate) return { eligible: false, reason: `${name}还没有填写出生日期` }
  if (service === 'infant_care') {
    const { fromMonths, underMonths } = SERVICE_AGES.infant_care
    const months = monthsOld(birthDate, day)
    if (months >= fromMonths && months < underMonths) return { eligible: true }
    return { eligible: false, reason: `托育只接收 ${fromMonths} 到 ${underMonths} 个月的孩子；${name}是 ${ageWords(birthDate, day)}` }
  }
  const years = yearsOld(birthDate, day)
  if (service === 'after_school') {
    const { fromYears, underYears } = SERVICE_AGES.after_school
    if (years >= fromYears && years < underYears) return { eligible: true }
    return { eligible: false, reason: `儿童托管接收 ${fromYears} 到 ${underYears - 1} 周岁的孩子；${name}是 ${ageWords(birthDate, day)}` }
  }
  const { fromYears } = SERVICE_AGES[service]
  if (years >= fromYears) return { eligible: true }
  const what = service === 'day_care' ? '日间照料' : '短期托养'
  return { eligible: false, reason: `${what}为 ${fromYears} 周岁及以上的老人提供；${name}是 ${years} 岁` }
}

/** An activity's ages, in full years on its day; null: no bound. */
export interface AgeRange {
  minAge: number | null
  maxAge: number | null
}

/** 「3–12 岁」「60 岁以上」「不限年龄」: an activity's ages as a resident reads them. */
export function ageRangeWords({ minAge, maxAge }: AgeRange): string {
  if (minAge === null && maxAge === null) return '不限年龄'
  if (maxAge === null) return `${minAge} 岁以上`
  if (minAge === null) return `${maxAge} 岁及以下`
  return `${minAge}–${maxAge} 岁`
}

/** Whether an activity takes a person on its day: the one rule the server books by and the sign-up page offers by. */
export function activityEligibility(range: AgeRange, person: Candidate, day: string): Eligibility {
  if (range.minAge === null && range.maxAge === null) return { eligible: true }
  const { birthDate, name } = person
  if (!birthDate) return { eligible: false, reason: `这项活动面向 ${ageRangeWords(range)}，${name}还没有填写出生日期` }
  const years = yearsOld(birthDate, day)
  if ((range.minAge === null || years >= range.minAge) && (range.maxAge === null || years <= range.maxAge)) return { eligible: true }
  return { eligible: false, reason: `这项活动面向 ${ageRangeWords(range)}；${name}是 ${ageWords(birthDate, day)}` }
}
