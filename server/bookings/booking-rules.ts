import type { FunctionCode } from '@shared/functions'
import { addDays, daysBetween, shanghaiDate } from '../time/shanghai'

/** A facility's booking rules for one function; they are district data (`booking_rules`), not code. */
export interface BookingRule {
  horizonDays: number
  cutoffMinutes: number
  cancelMinutes: number
  maxUnits: number
  reminderMinutes: number
  /** The longest run of days one booking may take, when the facility sets one. */
  maxRunDays: number | null
  /** The most units one account may hold of one session over all its orders (see account-limit.ts). */
  maxUnitsPerAccount: number
}

export interface SessionState {
  date: string
  startsAt: Date
  open: boolean
  remaining: number
}

export type UnbookableReason = 'closed' | 'past_cutoff' | 'beyond_horizon' | 'full'

const MINUTE_MS = 60_000

/** Orders close `cutoffMinutes` before the start: 120 before an 11:30 lunch is 09:30 the same day. */
export function cutoffAt(rule: BookingRule, startsAt: Date): Date {
  return new Date(startsAt.getTime() - rule.cutoffMinutes * MINUTE_MS)
}

export function cancelUntil(rule: BookingRule, startsAt: Date): Date {
  return new Date(startsAt.getTime() - rule.cancelMinutes * MINUTE_MS)
}

/** The last Shanghai day that can be booked now: today plus the horizon. */
export function lastBookableDate(rule: BookingRule, now: Date): string {
  return addDays(shanghaiDate(now), rule.horizonDays)
}

/**
 * Why `units` of a session cannot be booked at `now`, or undefined when they can. The capacity answer here
 * is advice for display; the booking itself is guarded by the database (see capacity.repository.ts).
 */
export function unbookableReason(
  rule: BookingRule,
  session: SessionState,
  now: Date,
  units = 1,
): UnbookableReason | undefined {
  if (!session.open) return 'closed'
  if (now.getTime() >= cutoffAt(rule, session.startsAt).getTime()) return 'past_cutoff'
  if (daysBetween(shanghaiDate(now), session.date) > rule.horizonDays) return 'beyond_horizon'
  if (session.remaining < units) return 'full'
  return undefined
}

/** How a quantity is counted for each function, for the messages a resident reads. */
export function unitWord(fn: FunctionCode): string {
  return fn === 'meal' ? '份' : '个名额'
}
