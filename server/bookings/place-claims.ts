import type { SessionPart } from '@shared/booking'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { bookedService } from './booked-service'
import { AlreadyBookedError } from './booking.errors'
import type { BookingDetails } from './booking-plan'
import { findHeldPlace } from './place-claim.repository'

/**
 * 一人一位 (DESIGN: "one person holds at most one place of a service at a time"): a live booking claims, for its
 * person and service, every part of every day it covers. The claims' primary key refuses a second booking that
 * overlaps, whichever facility, type, key or phone it comes from; cancelling gives them back.
 */
export interface PlaceClaim {
  beneficiary: string
  functionCode: string
  serviceDate: string
  slot: string
}

/**
 * The parts of a day a session of each part occupies. A full day is both halves, so a half day or an
 * after-school afternoon overlaps it; every infant-care type books the day's full-day session, so any two of them
 * on one day overlap. Meals are apart from each other, and a respite night (18:00–08:00) from the day place.
 */
const SLOTS: Record<Exclude<SessionPart, 'activity'>, readonly string[]> = {
  breakfast: ['breakfast'],
  lunch: ['lunch'],
  dinner: ['dinner'],
  full_day: ['afternoon', 'morning'],
  morning: ['morning'],
  afternoon: ['afternoon'],
  night: ['night'],
  home_visit: ['home_visit'],
}

/** An activity's day is its own slot: the same class twice is refused, a morning class and an afternoon one are not. */
const slotsOf = ({ id, part }: { id: string; part: string }): readonly string[] =>
  part === 'activity' ? [`activity:${id}`] : (SLOTS[part as keyof typeof SLOTS] ?? [part])

/** What a booking of these sessions claims, in one order (day, then part) so that racing runs lock alike. */
export function placeClaims(
  beneficiary: string,
  functionCode: string,
  sessions: readonly { id: string; date: string; part: string }[],
): PlaceClaim[] {
  return sessions
    .flatMap((session) => slotsOf(session).map((slot) => ({ beneficiary, functionCode, serviceDate: session.date, slot })))
    .sort((a, b) => (a.serviceDate + a.slot < b.serviceDate + b.slot ? -1 : 1))
}

/** The service of a held booking in the words the resident booked it by: 午餐, 半日托（上午）, 日间照料 … */
export function heldServiceName(functionCode: string, part: string, details: string): string {
  const service = bookedService(functionCode, part as SessionPart, JSON.parse(details) as BookingDetails)
  return service.detail ?? service.name
}

/** The refusal naming the booking the person holds over any of these claims; undefined when none does. */
export async function overlapOf(db: Kysely<Database>, claims: PlaceClaim[]): Promise<AlreadyBookedError | undefined> {
  const held = await findHeldPlace(db, claims)
  return held && new AlreadyBookedError({ ...held, service: heldServiceName(held.functionCode, held.part, held.details) })
}
