import type { FunctionCode } from './functions'

// No zod here: the WeChat main package (the tab pages) reads this list and must stay small.

/**
 * What residents book in the app, by function and part of the day: 养老服务 is two services (日间照料 days and
 * 短期托养 nights); the other bookable functions are one each. Functions not listed (文化休闲 …) are not booked here.
 */
export const BOOKABLE_SERVICES = [
  { code: 'meal', function: 'meal', name: '社区助餐', parts: null },
  { code: 'day_care', function: 'elderly_care', name: '日间照料', parts: ['full_day'] },
  { code: 'respite', function: 'elderly_care', name: '短期托养', parts: ['night'] },
  { code: 'infant_care', function: 'infant_care', name: '婴幼儿托育', parts: null },
  { code: 'after_school', function: 'child_care', name: '儿童托管', parts: null },
] as const satisfies readonly { code: string; function: FunctionCode; name: string; parts: readonly string[] | null }[]

export type BookableService = (typeof BOOKABLE_SERVICES)[number]

/** The service a session of this function and part belongs to. */
export function serviceOfSession(fn: string, part: string): BookableService | undefined {
  return BOOKABLE_SERVICES.find((s) => s.function === fn && (s.parts === null || (s.parts as readonly string[]).includes(part)))
}
