import { addDays, shanghaiDate } from '../../server/time/shanghai'

/** The Monday at least two days ahead in Asia/Shanghai (care cut-offs are the evening before). */
export function nextMonday(): string {
  let day = addDays(shanghaiDate(new Date()), 2)
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1)
  return day
}

/** A birth date that makes a child `months` old on `day`. */
export function bornMonthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}
