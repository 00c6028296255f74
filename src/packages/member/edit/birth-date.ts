import { typedDate } from '@/lib/dates'
import { birthDateIssue } from '@shared/member'

/** What a resident types as a birth date → 'YYYY-MM-DD' (see `typedDate`). */
export const birthDateFromDigits = typedDate

export const digitsFromBirthDate = (date: string | null): string => (date ? date.replace(/-/g, '') : '')

/**
 * Why what was typed cannot be a birth date on `today`, said at the field before anything is sent (the server
 * checks the same rule, `birthDateIssue`, with its own clock); undefined while empty or right.
 */
export function birthDateProblem(text: string, today: string): string | undefined {
  if (!text.trim()) return undefined
  const date = birthDateFromDigits(text)
  if (!date) return '请按 年月日 填写 8 位数字，例如 19460302'
  return birthDateIssue(date, today)
}
