import type { Option } from '@/components/OptionGroup'

// Which periods to offer: the current and recent months, quarters and the year, on Shanghai's calendar.
const shanghaiMonth = (now: Date) => {
  const local = new Date(now.getTime() + 8 * 3600_000)
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 }
}
const pad = (n: number) => String(n).padStart(2, '0')

/** 'YYYY-MM' of this month and the `count - 1` before it, oldest first. */
export function recentMonths(now: Date, count: number): string[] {
  const { year, month } = shanghaiMonth(now)
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i)
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
  })
}

/** This month, last month, this quarter, last quarter and this year. */
export function recentPeriods(now: Date): Option<string>[] {
  const { year, month } = shanghaiMonth(now)
  const [last, current] = recentMonths(now, 2)
  const quarter = Math.ceil(month / 3)
  const previous = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`
  return [
    { value: current, label: `本月 ${current}` },
    { value: last, label: `上月 ${last}` },
    { value: `${year}-Q${quarter}`, label: `本季度 ${year}-Q${quarter}` },
    { value: previous, label: `上季度 ${previous}` },
    { value: String(year), label: `${year} 年` },
  ]
}
