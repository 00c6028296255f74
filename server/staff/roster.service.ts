import { type BookingStatus, type Fulfilment, type SessionPart, collectorViews } from '@shared/booking'
import { INFANT_CLASS_NAMES } from '@shared/care'
import type { FunctionCode } from '@shared/functions'
import type { Roster, RosterEntry } from '@shared/staff'
import type { Kysely } from 'kysely'
import type { BookingDetails } from '../bookings/booking-plan'
import type { Database } from '../db/schema'
import { findFacilityPlace } from '../facilities/facility.repository'
import { NotFoundError } from '../http/errors'
import { ageOn, toShanghaiIso } from '../time/shanghai'
import { type RosterRow, findDaySessions, findRosterRows } from './roster.repository'

const COOKED: BookingStatus[] = ['booked', 'checked_in', 'completed']

export function toRosterEntry(row: RosterRow): RosterEntry {
  const details = JSON.parse(row.details) as BookingDetails
  const meal = details.meal
  return {
    id: row.id,
    code: row.code,
    status: row.status as BookingStatus,
    // A resident who booked for themself is named by their nickname, or said to be the account holder.
    beneficiaryName: row.member_id
      ? (row.member_name ?? '')
      : details.forMember
        ? '已删除的家庭成员'
        : (row.booker_nickname ?? '预约人本人'),
    age: row.birth_date ? ageOn(row.birth_date, row.service_date) : null,
    quantity: row.quantity,
    setName: meal?.setName ?? null,
    fulfilment: meal?.fulfilment ?? null,
    deliveryAddress: meal?.delivery?.address ?? null,
    dietNotes: row.diet_notes,
    allergies: row.allergies,
    collectors: details.collectors ? collectorViews(details.collectors) : null,
    className: null,
    awaitingConfirmation: row.awaiting_confirmation === 1,
    payableFen: row.payable_fen,
  }
}

/** The day's list for the kitchen and the front desk: portions per set and fulfilment, and who to serve. */
export async function getRoster(
  db: Kysely<Database>,
  facilityId: string,
  fn: FunctionCode,
  date: string,
): Promise<Roster> {
  const facility = await findFacilityPlace(db, facilityId)
  if (!facility) throw new NotFoundError('没有找到这个设施')
  const sessions = await findDaySessions(db, facilityId, fn, date)
  const rows = await findRosterRows(
    db,
    sessions.map((s) => s.id),
  )
  return {
    facilityId,
    facilityName: facility.name,
    function: fn,
    date,
    sessions: sessions.map((session) => {
      const entries = rows
        .filter((r) => r.taken_session_id === session.id)
        .map((r) => ({ ...toRosterEntry(r), className: r.class_code ? (INFANT_CLASS_NAMES[r.class_code] ?? r.class_code) : null }))
      const counts = new Map<string, { setName: string; fulfilment: Fulfilment; portions: number }>()
      for (const e of entries) {
        if (!COOKED.includes(e.status) || !e.setName || !e.fulfilment) continue
        const key = `${e.setName}|${e.fulfilment}`
        const count = counts.get(key) ?? { setName: e.setName, fulfilment: e.fulfilment, portions: 0 }
        count.portions += e.quantity
        counts.set(key, count)
      }
      return {
        id: session.id,
        part: session.part as SessionPart,
        activityTitle: session.activity_title,
        startsAt: toShanghaiIso(session.starts_at),
        capacity: session.capacity,
        booked: session.booked,
        open: session.open === 1,
        closedReason: session.closed_reason,
        counts: [...counts.values()],
        entries,
      }
    }),
  }
}
