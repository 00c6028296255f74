import { PART_NAMES, type SessionPart } from '@shared/booking'
import { HALF_PERIODS, INFANT_CARE_TYPE_NAMES, wholeHour } from '@shared/care'
import { functionName } from '@shared/function-list'
import type { FunctionCode } from '@shared/functions'
import { HOME_SERVICE_NAMES } from '@shared/home-service'
import { serviceOfSession } from '@shared/services'
import { toShanghaiIso } from '../time/shanghai'
import type { BookingFacts } from '../notices/notice-kinds'
import type { BookingDetails } from './booking-plan'

/** 儿童托管's two kinds of session. */
const CHILD_CARE_NAMES: Partial<Record<SessionPart, string>> = { afternoon: '放学后托管', full_day: '假期托管' }

/**
 * What a booking is for, in words: the service and, where the service has kinds, which one. `detail` alone is what
 * a notice says after the facility's name (红旗社区午餐, 人民东路社区半日托（上午）).
 */
export function bookedService(fn: string, part: SessionPart, details: BookingDetails): { name: string; detail: string | null } {
  // An activity reads as its function and its title: 文化休闲 · 书法入门班.
  if (part === 'activity') return { name: functionName(fn as FunctionCode), detail: details.activity?.title ?? null }
  // A function not booked by slot (家政便民: a request the operator accepted) is named by the function itself.
  const name = serviceOfSession(fn, part)?.name ?? (functionName(fn as FunctionCode) || fn)
  const care = details.care
  const detail =
    fn === 'meal'
      ? PART_NAMES[part]
      : fn === 'infant_care'
        ? `${INFANT_CARE_TYPE_NAMES[care?.type ?? 'full_day']}${care?.type === 'half_day' && care.half ? `（${HALF_PERIODS[care.half].name}）` : ''}`
        : fn === 'child_care'
          ? (CHILD_CARE_NAMES[part] ?? null)
          : fn === 'housekeeping' && details.home
            ? HOME_SERVICE_NAMES[details.home.service]
            : null
  return { name, detail }
}

export const serviceWords = (service: { name: string; detail: string | null }): string =>
  service.detail ? `${service.name} · ${service.detail}` : service.name

const clock = (instant: string) => toShanghaiIso(instant).slice(11, 16)

/** The hours booked on each day: the session's, or the part of it a 半日托 or 计时托 takes. */
export function bookedHours(session: { startsAt: string; endsAt: string }, details: BookingDetails): { from: string; to: string } {
  const care = details.care
  if (details.home) return { from: details.home.from, to: details.home.to }
  if (care?.type === 'half_day' && care.half) return { from: HALF_PERIODS[care.half].from, to: HALF_PERIODS[care.half].to }
  if (care?.type === 'hourly' && care.startHour !== undefined && care.hours !== undefined) {
    return { from: wholeHour(care.startHour), to: wholeHour(care.startHour + care.hours) }
  }
  return { from: clock(session.startsAt), to: clock(session.endsAt) }
}

/** What the notices about a booking say: the service as booked and the hour it begins (半日托 in the afternoon: 13:30). */
export function noticeFacts(b: {
  facilityName: string
  functionCode: string
  part: SessionPart
  details: BookingDetails
  date: string
  session: { startsAt: string; endsAt: string }
  code: string
  who: string | null
  lastDate: string | null
}): BookingFacts {
  const service = bookedService(b.functionCode, b.part, b.details)
  const { from } = bookedHours(b.session, b.details)
  return {
    facilityName: b.facilityName,
    service: service.detail ?? service.name,
    startsAt: `${b.date}T${from}:00+08:00`,
    code: b.code,
    who: b.who,
    lastDate: b.lastDate,
  }
}
