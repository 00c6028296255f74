import type { Session } from '@shared/booking'

/**
 * 到本周五: the last session of the same part after `first` and no later than the Friday of its week, as the run's
 * `throughDate`; undefined when there is none (a Friday, or the last day offered), so the request is one day.
 */
export function throughThisFriday(sessions: Session[], first: Session | undefined): string | undefined {
  if (!first) return undefined
  const day = new Date(`${first.date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 4)
  const friday = day.toISOString().slice(0, 10)
  const rest = sessions.filter((s) => s.part === first.part && s.date > first.date && s.date <= friday)
  return rest[rest.length - 1]?.date
}
