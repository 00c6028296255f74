/** Runs a day of which can be given back alone: a week of 托管 or 托育, days of 日间照料 — not the nights of a stay,
 * which stay one stay (cancel-day.service.ts). */
export const DAY_CANCELLABLE: ReadonlySet<string> = new Set(['child_care', 'infant_care', 'day_care'])
