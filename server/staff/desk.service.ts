import { type BookingStatus, type Quote, STATUS_NAMES } from '@shared/booking'
import type { DeskAction, DeskBooking } from '@shared/staff'
import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import { isUndoable } from '../bookings/booking-state'
import { findEntryEvent, findServiceRun } from '../bookings/booking.repository'
import type { Database, UserRow } from '../db/schema'
import type { CareLevel } from '@shared/care'
import { DomainError, NotFoundError } from '../http/errors'
import { isRated } from '../ratings/rating.repository'
import { toShanghaiIso } from '../time/shanghai'
import { type ServiceRun, assertDeskMay, deskRefusal, undoRefusal } from './desk-day'
import { type RosterRow, findRosterRowByCode, findRosterRowById } from './roster.repository'
import { toRosterEntry } from './roster.service'

// A code or booking of another facility answers as not found here: the desk learns nothing about it.
const notHere = () => new NotFoundError('本设施没有这个核销码的预约，请核对后重试')

async function toDeskBooking(db: Kysely<Database>, row: RosterRow, now: Date): Promise<DeskBooking> {
  const run = await findServiceRun(db, row.id)
  const status = row.status as BookingStatus
  // What the status allows, and then what the day allows: the page shows the clerk only what will be accepted.
  const refusals = {
    checkIn: status === 'booked' ? deskRefusal('check-in', run, now) : undefined,
    complete: status === 'checked_in' ? deskRefusal('complete', run, now) : undefined,
    noShow: status === 'booked' || status === 'checked_in' ? deskRefusal('no-show', run, now) : undefined,
  }
  const refused = Object.values(refusals).find((r) => r instanceof DomainError)
  return {
    service: run.service,
    allowed: { checkIn: refusals.checkIn === null, complete: refusals.complete === null, noShow: refusals.noShow === null },
    notNow: refused?.message ?? null,
    entry: toRosterEntry(row),
    facilityId: row.facility_id,
    date: row.service_date,
    part: run.part,
    startsAt: toShanghaiIso(row.starts_at),
    quote: JSON.parse(row.quote) as Quote,
    undoable: !((await undoTarget(db, row, run, now)) instanceof DomainError),
  }
}

/** The desk entry that put the booking where it is and what it was before, or why it may not be taken back now. */
async function undoTarget(db: Kysely<Database>, row: RosterRow, run: ServiceRun, now: Date): Promise<{ id: string; from: BookingStatus } | DomainError> {
  const status = row.status as BookingStatus
  const entry = isUndoable(status) ? await findEntryEvent(db, row.id, status) : undefined
  if (!entry?.from_status) return new DomainError('nothing_to_undo', `这笔预约${STATUS_NAMES[status]}，没有可以撤销的登记`)
  // A rating is of a completed service: once given, the completion stands.
  if (status === 'completed' && (await isRated(db, row.id))) {
    return new DomainError('nothing_to_undo', '居民已经评价了这次服务，不能撤销“服务完成”')
  }
  return undoRefusal(run, new Date(entry.at), now) ?? { id: entry.id, from: entry.from_status as BookingStatus }
}

/** The booking behind a code read from the QR or aloud, if it is this facility's. */
export async function findAtDesk(db: Kysely<Database>, facilityId: string, code: string, now: Date): Promise<DeskBooking> {
  const row = await findRosterRowByCode(db, code)
  if (!row || row.facility_id !== facilityId) throw notHere()
  return toDeskBooking(db, row, now)
}

const MOVES: Record<DeskAction, BookingStatus> = {
  'check-in': 'checked_in',
  complete: 'completed',
  'no-show': 'no_show',
}

/**
 * Check-in (payment taken at the counter), completion or no-show, by staff of the booking's own facility, on the
 * service day (`desk-day.ts`). A no-show may suspend the person; the lifecycle does that and tells them.
 */
export async function actAtDesk(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  bookingId: string,
  action: DeskAction,
  now: Date,
): Promise<DeskBooking> {
  const row = await findRosterRowById(db, bookingId)
  if (!row || row.facility_id !== facilityId) throw notHere()
  assertDeskMay(action, await findServiceRun(db, bookingId), now)
  const reason = action === 'check-in' ? '到店核销，柜台收款' : undefined
  await changeBookingStatus(db, { bookingId, to: MOVES[action], actorUserId: staff.id, reason, now })
  return toDeskBooking(db, (await findRosterRowById(db, bookingId))!, now)
}

/**
 * Takes back a no-show or a completion entered by mistake, on the day: the booking returns to what it was, as an
 * event of its own with who and why (the mistake stays in the history); a suspension the no-show caused is lifted.
 */
export async function undoAtDesk(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  bookingId: string,
  why: string | undefined,
  now: Date,
): Promise<DeskBooking> {
  const row = await findRosterRowById(db, bookingId)
  if (!row || row.facility_id !== facilityId) throw notHere()
  const target = await undoTarget(db, row, await findServiceRun(db, bookingId), now)
  if (target instanceof DomainError) throw target
  await changeBookingStatus(db, {
    bookingId,
    to: target.from,
    actorUserId: staff.id,
    reason: `撤销“${STATUS_NAMES[row.status as BookingStatus]}”：${why ?? '登记有误'}`,
    undoes: target.id,
    now,
  })
  return toDeskBooking(db, (await findRosterRowById(db, bookingId))!, now)
}

/**
 * The desk has seen the 低保 / 特困 / 低收入 certificate of the person a booking is for: their declared status now
 * applies to the orders they place from here on (this one keeps the price it was placed with).
 */
export async function verifySubsidyAtDesk(
  db: Kysely<Database>,
  facilityId: string,
  bookingId: string,
  now: Date,
): Promise<{ verified: boolean }> {
  const row = await findRosterRowById(db, bookingId)
  if (!row || row.facility_id !== facilityId) throw notHere()
  if (!row.member_id) throw new DomainError('not_applicable', '这笔预约没有登记补贴身份')
  const result = await db
    .updateTable('family_members')
    .set({ subsidy_verified_at: now.toISOString() })
    .where('id', '=', row.member_id)
    .where('subsidy_category', 'is not', null)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) throw new DomainError('not_applicable', '这位居民没有申报低保、特困或低收入身份')
  return { verified: true }
}

/**
 * Staff record an elderly member's care level (能力评估) from a booking at their facility; the member's stays
 * there that were waiting for it are confirmed.
 */
export async function recordCareLevel(
  db: Kysely<Database>,
  facilityId: string,
  bookingId: string,
  level: CareLevel,
  now: Date,
): Promise<{ confirmed: number }> {
  const row = await findRosterRowById(db, bookingId)
  if (!row || row.facility_id !== facilityId) throw notHere()
  if (!row.member_id) throw new DomainError('not_applicable', '这笔预约没有登记老人信息')
  const memberId = row.member_id
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('family_members').set({ care_level: level, care_level_assessed_at: now.toISOString() }).where('id', '=', memberId).execute()
    const confirmed = await trx
      .updateTable('bookings')
      .set({ awaiting_confirmation: 0, updated_at: now.toISOString() })
      .where('member_id', '=', memberId)
      .where('facility_id', '=', facilityId)
      .where('awaiting_confirmation', '=', 1)
      .executeTakeFirst()
    return { confirmed: Number(confirmed.numUpdatedRows) }
  })
}
