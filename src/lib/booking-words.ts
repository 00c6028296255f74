import type { Booking, CollectorView } from '@shared/booking'
import { calendarDay } from './dates'

/**
 * When a booking is, as a resident reads it: "11月30日 周一 11:30–13:00", a run "11月30日 周一 至 12月4日 周五，
 * 共 5 天 · 每天 16:30–19:00", a stay "12月10日 周四 起 3 晚 · 每晚 18:00 至次日 08:00".
 */
export function bookingWhen({ days, hours, part }: Pick<Booking, 'days' | 'hours' | 'part'>): string {
  const first = calendarDay(days[0])
  if (part === 'night') return `${first} 起 ${days.length} 晚 · 每晚 ${hours.from} 至次日 ${hours.to}`
  if (days.length === 1) return `${first} ${hours.from}–${hours.to}`
  return `${first} 至 ${calendarDay(days[days.length - 1])}，共 ${days.length} 天 · 每天 ${hours.from}–${hours.to}`
}

/** The moment the code is shown at the counter, for this service. */
export function whenToShowCode(booking: Pick<Booking, 'function' | 'part' | 'meal'>): string {
  switch (booking.function) {
    case 'meal':
      return booking.meal?.fulfilment === 'delivery' ? '收餐时' : booking.meal?.fulfilment === 'pickup' ? '取餐时' : '用餐时'
    case 'infant_care':
      return '送孩子入托时'
    case 'child_care':
      return '孩子到托管点时'
    case 'elderly_care':
      return booking.part === 'night' ? '入住时' : '老人到设施时'
    default:
      return '到设施时'
  }
}

/** "张伟 13800001111、张奶奶": who may collect the child, with the number to call. */
export const collectorsLine = (collectors: readonly CollectorView[]): string =>
  collectors.map((c) => (c.phone ? `${c.name} ${c.phone}` : c.name)).join('、')
