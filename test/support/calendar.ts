import { addDays } from '../../server/time/shanghai'

/** The Monday at least two days after `today` (Asia/Shanghai; care cut-offs are the evening before). */
export function nextMonday(today: string): string {
  let day = addDays(today, 2)
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1)
  return day
}

/** A birth date that makes a child `months` old on `day`. */
export function bornMonthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}

/** The first Monday-to-Friday day from `today + from` through `today + to` (any six days hold one). */
export function weekdayWithin(today: string, from: number, to: number): string {
  for (let offset = from; offset <= to; offset++) {
    const day = addDays(today, offset)
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6) return day
  }
  throw new Error(`no weekday between ${addDays(today, from)} and ${addDays(today, to)}`)
}
