import type { Session, SessionList, SessionPart } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database, SessionRow } from '../db/schema'
import { INFANT_CLASSES, INFANT_CLASS_NAMES } from '@shared/care'
import { findInfantCareRates, findSessionClasses, rateKey } from '../care/care.repository'
import { findFacilityPlace } from '../facilities/facility.repository'
import { NotFoundError } from '../http/errors'
import { findMealOptions, mealSetsBySession } from '../meals/meal.repository'
import { shanghaiDate, toShanghaiIso } from '../time/shanghai'
import { findBookingRule } from './booking-rule.repository'
import { type BookingRule, cancelUntil, cutoffAt, lastBookableDate, unbookableReason } from './booking-rules'
import { listSessionsBetween } from './session.repository'

/** Classes in the standard's order: 乳儿班, 托小班, 托大班. */
const classOrder = (code: string) => INFANT_CLASSES.findIndex((c) => c.code === code)

export function toSession(row: SessionRow, rule: BookingRule, now: Date): Session {
  const startsAt = new Date(row.starts_at)
  const remaining = Math.max(0, row.capacity - row.booked)
  const reason = unbookableReason(rule, { date: row.date, startsAt, open: row.open === 1, remaining }, now)
  return {
    id: row.id,
    facilityId: row.facility_id,
    function: row.function_code as FunctionCode,
    date: row.date,
    part: row.part as SessionPart,
    startsAt: toShanghaiIso(startsAt),
    endsAt: toShanghaiIso(row.ends_at),
    capacity: row.capacity,
    remaining: row.open === 1 ? remaining : 0,
    bookable: reason === undefined,
    ...(reason ? { reason } : {}),
    cutoffAt: toShanghaiIso(cutoffAt(rule, startsAt)),
    cancelUntil: toShanghaiIso(cancelUntil(rule, startsAt)),
    maxUnits: rule.maxUnits,
    ...(row.price_fen !== null ? { priceFen: row.price_fen } : {}),
  }
}

/** A facility's sessions of one function from today to the end of its horizon (or on one day), with menus. */
export async function listSessions(
  db: Kysely<Database>,
  facilityId: string,
  fn: FunctionCode,
  date: string | undefined,
  now: Date,
): Promise<SessionList> {
  const facility = await findFacilityPlace(db, facilityId)
  if (!facility || facility.retiredAt) throw new NotFoundError('没有找到这个设施，可能已停止服务')
  const today = shanghaiDate(now)
  const rule = await findBookingRule(db, facilityId, fn)
  if (!rule) return { today, lastBookableDate: today, sessions: [] }

  const last = lastBookableDate(rule, now)
  const rows = await listSessionsBetween(db, facilityId, fn, date ?? today, date ?? last)
  const sessions = rows.map((row) => toSession(row, rule, now))
  if (fn === 'elderly_care') return { today, lastBookableDate: last, sessions, maxRunDays: rule.maxRunDays }
  if (fn === 'infant_care') {
    const [classes, rates] = await Promise.all([
      findSessionClasses(
        db,
        rows.map((r) => r.id),
      ),
      findInfantCareRates(db, facilityId),
    ])
    const rate = (classCode: string, type: string) => rates.get(rateKey(classCode, type)) ?? null
    return {
      today,
      lastBookableDate: last,
      sessions: sessions.map((s) => ({
        ...s,
        classes: classes
          .filter((c) => c.session_id === s.id)
          .sort((a, b) => classOrder(a.class_code) - classOrder(b.class_code))
          .map((c) => ({
            code: c.class_code,
            name: INFANT_CLASS_NAMES[c.class_code] ?? c.class_code,
            capacity: c.capacity,
            remaining: Math.max(0, c.capacity - c.booked),
            priceFen: c.price_fen,
            rates: {
              halfDayFen: rate(c.class_code, 'half_day'),
              hourlyFen: rate(c.class_code, 'hourly'),
              temporaryFen: rate(c.class_code, 'temporary'),
            },
          })),
      })),
    }
  }
  if (fn !== 'meal') return { today, lastBookableDate: last, sessions }

  const [menus, meal] = await Promise.all([
    mealSetsBySession(
      db,
      rows.map((r) => r.id),
    ),
    findMealOptions(db, facilityId),
  ])
  return {
    today,
    lastBookableDate: last,
    sessions: sessions.map((s) => ({ ...s, sets: menus.get(s.id) ?? [] })),
    ...(meal ? { meal } : {}),
  }
}
