import { addDays } from '../time/shanghai'

/** The State Council's calendar: public holidays on weekdays, and weekend days worked in their place (调休). */
export type CalendarDays = ReadonlyMap<string, 'holiday' | 'workday'>

export function isWorkingDay(date: string, calendar: CalendarDays): boolean {
  const marked = calendar.get(date)
  if (marked) return marked === 'workday'
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The `n`th working day after `date` (the day itself does not count): a deadline of n working days. */
export function addWorkingDays(date: string, n: number, calendar: CalendarDays): string {
  let day = date
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1)
    if (isWorkingDay(day, calendar)) counted++
  }
  return day
}
