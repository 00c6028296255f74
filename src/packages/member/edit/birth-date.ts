import { birthDateIssue } from '@shared/member'

/**
 * What a resident types as a birth date → 'YYYY-MM-DD', or undefined when it is not a date's shape:
 * "19460302" (the number pad), "1946-3-2", "1946/3/2", "1946.3.2", "1946年3月2日".
 */
export function birthDateFromDigits(text: string): string | undefined {
  const value = text.trim()
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (digits) return `${digits[1]}-${digits[2]}-${digits[3]}`
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value)
  return parts ? `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}` : undefined
}

export const digitsFromBirthDate = (date: string | null): string => (date ? date.replaceAll('-', '') : '')

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
