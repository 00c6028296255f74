// Service days arrive as 'YYYY-MM-DD' and instants with +08:00: both are read as Shanghai wall time by taking
// their text apart, never through the phone's own zone. (A 'YYYY-MM-DD' made into a Date is midnight UTC or local
// midnight depending on how it is parsed, and shows as the day before on a phone west of it; "today" from a
// phone set to UTC is yesterday in Xi'an until 08:00.)

import { halfWidth } from '@shared/half-width'

const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** Today in Asia/Shanghai, the facilities' day, whatever zone this phone or tablet is set to. */
export function shanghaiToday(now: number = Date.now()): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** "12月2日 周三". */
export function dayName(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAYS[new Date(utcMidnight(date)).getUTCDay()]}`
}

/** "2026-11-30" → "11月30日 周一" (another name for `dayName`, as the booking pages call it). */
export const calendarDay = dayName

/** "今天 11月27日 周五" / "明天 …" / "11月30日 周一". */
export function dayLabel(date: string, today: string): string {
  const offset = Math.round((utcMidnight(date) - utcMidnight(today)) / DAY_MS)
  const prefix = offset === 0 ? '今天 ' : offset === 1 ? '明天 ' : offset === 2 ? '后天 ' : ''
  return `${prefix}${dayName(date)}`
}

/** "2026-11-28T09:30:00+08:00" → "09:30". */
export const clockOf = (iso: string): string => iso.slice(11, 16)

/** "2026-11-28T09:30:00+08:00" → "11月28日 09:30"; an instant in another offset ("…Z") is shown in Shanghai time. */
export function dayAndClock(iso: string): string {
  const shanghai = iso.endsWith('+08:00') ? iso : new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString()
  return `${Number(shanghai.slice(5, 7))}月${Number(shanghai.slice(8, 10))}日 ${clockOf(shanghai)}`
}

/**
 * A date as people type it → 'YYYY-MM-DD', or undefined when it is not a date's shape: "19460302" (the number pad),
 * "1946-3-2", "1946/3/2", "1946.3.2", "1946年3月2日", and the same in full-width digits (a Chinese keyboard's).
 */
export function typedDate(text: string): string | undefined {
  const value = halfWidth(text.trim())
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (digits) return `${digits[1]}-${digits[2]}-${digits[3]}`
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value)
  return parts ? `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}` : undefined
}

/** A time of day as a clerk types it ("09:30", "9:30", "0930", "９：３０") → 'HH:mm', or undefined. */
export function typedTime(text: string): string | undefined {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(halfWidth(text.trim()))
  if (!m) return undefined
  const [h, min] = [Number(m[1]), Number(m[2])]
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : undefined
}
