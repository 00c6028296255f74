import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

// Service days arrive as 'YYYY-MM-DD' and instants with +08:00: both are read as Shanghai wall time by taking
// their text apart, so a phone set to another zone still shows the facility's clock.

/** "2026-11-30" → "11月30日 周一". */
export const calendarDay = (date: string): string => dayjs(date).locale('zh-cn').format('M月D日 ddd')

/** "今天 11月27日 周五" / "明天 …" / "11月30日 周一". */
export function dayLabel(date: string, today: string): string {
  const offset = dayjs(date).diff(dayjs(today), 'day')
  const prefix = offset === 0 ? '今天 ' : offset === 1 ? '明天 ' : offset === 2 ? '后天 ' : ''
  return `${prefix}${calendarDay(date)}`
}

/** "2026-11-28T09:30:00+08:00" → "09:30". */
export const clockOf = (iso: string): string => iso.slice(11, 16)

/** "2026-11-28T09:30:00+08:00" → "11月28日 09:30". */
export function dayAndClock(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${clockOf(iso)}`
}
