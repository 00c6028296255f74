import type { SessionPart } from '@shared/booking'
import type { DeskAction } from '@shared/staff'
import { DomainError } from '../http/errors'
import { dayName, shanghaiDate, toShanghaiIso } from '../time/shanghai'

/** A booking as the desk's day rule sees it: its part and every session it takes, in order. */
export interface ServiceRun {
  part: SessionPart
  /** The service as booked: 晚餐, 半日托（上午）, 日间照料, 放学后托管 … */
  service: string
  sessions: { date: string; startsAt: Date; endsAt: Date }[]
}


/*
 * The desk's day — one rule for every service (DESIGN: "the desk checks in, completes and marks no-shows only on
 * the service day (a no-show only after the start)"). Days are Asia/Shanghai days of the instant `now`.
 *
 * A booking may be a run of days (a week of 全日托 or 托管, a respite stay of nights), so:
 * - its desk days are the days of its sessions, and the day its last session ends (a respite night from 18:00
 *   ends at 08:00 the next morning, when the resident leaves);
 * - check-in: on any desk day (a child may first come on the Tuesday of the week);
 * - completion: on the last day only — the last session's day or the morning it ends — so that what a resident
 *   rates afterwards is the whole service;
 * - no-show: on a desk day once the first session has started (until then the person may still come);
 * - undoing a no-show or a completion entered by mistake: on a desk day, and the same day as the mistake.
 * Tomorrow's booking checked in today, a no-show before the meal: that is how three taps suspended an
 * 82-year-old for a week.
 */

const endDay = (run: ServiceRun) => shanghaiDate(run.sessions[run.sessions.length - 1].endsAt)
const firstDay = (run: ServiceRun) => run.sessions[0].date

/** The last day of the service (the last session's own day): a completion before it does not open rating. */
export const lastServiceDay = (run: ServiceRun): string => run.sessions[run.sessions.length - 1].date

function isDeskDay(run: ServiceRun, day: string): boolean {
  return run.sessions.some((s) => s.date === day) || day === endDay(run)
}

/** "12月2日 晚餐", or "11月30日至12月4日 全日托" for a run. */
export function serviceLabel(run: ServiceRun): string {
  const last = lastServiceDay(run)
  const days = firstDay(run) === last ? dayName(last) : `${dayName(firstDay(run))}至${dayName(last)}`
  return `${days} ${run.service}`
}

const single = (run: ServiceRun) => run.sessions.length === 1
const onlyOnItsDays = (run: ServiceRun, what: string) =>
  new DomainError('not_service_day', `这笔预约是 ${serviceLabel(run)}，只能在${single(run) ? '当天' : '这几天'}${what}`)

/** Why the desk may not do `act` on this booking now, or null when it may. */
export function deskRefusal(act: DeskAction, run: ServiceRun, now: Date): DomainError | null {
  const today = shanghaiDate(now)
  if (act === 'no-show') {
    const first = run.sessions[0]
    if (now < first.startsAt) {
      const start = `${run.service} ${toShanghaiIso(first.startsAt).slice(11, 16)} 开始后才能登记未到场`
      return new DomainError('service_not_started', today === first.date ? start : `这笔预约是 ${serviceLabel(run)}，${start}`)
    }
    return isDeskDay(run, today) ? null : onlyOnItsDays(run, '登记未到场')
  }
  if (!isDeskDay(run, today)) return onlyOnItsDays(run, '核销')
  if (act === 'complete' && today < lastServiceDay(run)) {
    return new DomainError('not_service_day', `这笔预约是 ${serviceLabel(run)}，服务完成请在最后一天（${dayName(lastServiceDay(run))}）登记`)
  }
  // A service is complete once it has been given: not at 10:00 for an 11:30 lunch.
  const last = run.sessions[run.sessions.length - 1]
  if (act === 'complete' && now < last.startsAt) {
    return new DomainError('service_not_started', `${run.service} ${toShanghaiIso(last.startsAt).slice(11, 16)} 开始后才能登记服务完成`)
  }
  return null
}

/** Why a no-show or completion recorded at `mistakeAt` may not be undone now, or null when it may. */
export function undoRefusal(run: ServiceRun, mistakeAt: Date, now: Date): DomainError | null {
  const today = shanghaiDate(now)
  if (!isDeskDay(run, today)) return onlyOnItsDays(run, '撤销登记')
  if (shanghaiDate(mistakeAt) !== today) return new DomainError('not_service_day', '这条登记不是今天做的，只能在登记当天撤销')
  return null
}

export function assertDeskMay(act: DeskAction, run: ServiceRun, now: Date): void {
  const refusal = deskRefusal(act, run, now)
  if (refusal) throw refusal
}
