// Service days, cut-offs and ages are reckoned in Asia/Shanghai whatever the server's own zone. China has kept
// UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no time-zone database.
const OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** The Shanghai calendar day of an instant, as 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant of a Shanghai wall-clock time ('HH:MM') on a day. */
export function shanghaiInstant(date: string, clock: string): Date {
  return new Date(Date.parse(`${date}T${clock}:00Z`) - OFFSET_MS)
}

/** An instant written with the +08:00 offset, so every client shows the Shanghai time without converting. */
export function toShanghaiIso(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** Age in full years on a day: the birthday itself counts (born 1946-11-28 → 80 on 2026-11-28). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** '2026-12-02' → "12月2日", as a clerk or a resident says it. */
export function dayName(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** An instant as its Shanghai day and clock: "12月9日 17:40". */
export function dayAndClock(instant: Date | string): string {
  const iso = toShanghaiIso(instant)
  return `${dayName(iso.slice(0, 10))} ${iso.slice(11, 16)}`
}
