import type { Period } from '@shared/evaluation'
import { addDays } from '../time/shanghai'

export interface PeriodRange {
  kind: 'month' | 'quarter' | 'year'
  /** First and last service day, inclusive. */
  from: string
  to: string
}

const lastDayOfMonth = (year: number, month: number) => addDays(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1)

/** '2026-11' → November; '2026-Q4' → October to December; '2026' → the year. */
export function periodRange(period: Period): PeriodRange {
  const year = Number(period.slice(0, 4))
  if (period.length === 4) return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` }
  if (period[5] === 'Q') {
    const q = Number(period[6])
    const first = (q - 1) * 3 + 1
    return { kind: 'quarter', from: `${year}-${String(first).padStart(2, '0')}-01`, to: monthEnd(year, first + 2) }
  }
  const month = Number(period.slice(5, 7))
  return { kind: 'month', from: `${period}-01`, to: monthEnd(year, month) }
}

/** A period has ended once its last day is past: on 12月31日 itself, 2026-Q4 has not ended. `today` is a Shanghai day. */
export function periodEnded(period: Period, today: string): boolean {
  return today > periodRange(period).to
}

function monthEnd(year: number, month: number): string {
  return month === 12 ? `${year}-12-31` : lastDayOfMonth(year, month)
}
