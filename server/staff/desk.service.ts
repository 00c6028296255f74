import type { BookingStatus, Quote, SessionPart } from '@shared/booking'
import type { DeskBooking } from '@shared/staff'
import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import type { Database, UserRow } from '../db/schema'
import { findFacilityPlace } from '../facilities/facility.repository'
import type { CareLevel } from '@shared/care'
import { DomainError, NotFoundError } from '../http/errors'
import { toShanghaiIso } from '../time/shanghai'
import { applyNoShowPolicy, beneficiaryOf } from './no-show-policy'
import { type RosterRow, findRosterRowByCode, findRosterRowById } from './roster.repository'
import { toRosterEntry } from './roster.service'

// A code or booking of another facility answers as not found here: the desk learns nothing about it.
const notHere = () => new NotFoundError('本设施没有这个核销码的预约，请核对后重试')

async function toDeskBooking(db: Kysely<Database>, row: RosterRow): Promise<DeskBooking> {
  const session = await db.selectFrom('sessions').select(['part']).where('id', '=', row.session_id).executeTakeFirstOrThrow()
  return {
    entry: toRosterEntry(row),
    facilityId: row.facility_id,
    date: row.service_date,
    part: session.part as SessionPart,
    startsAt: toShanghaiIso(row.starts_at),
    quote: JSON.parse(row.quote) as Quote,
  }
}

/** The booking behind a code read from the QR or aloud, if it is this facility's. */
export async function findAtDesk(db: Kysely<Database>, facilityId: string, code: string): Promise<DeskBooking> {
  const row = await findRosterRowByCode(db, code)
  if (!row || row.facility_id !== facilityId) throw notHere()
  return toDeskBooking(db, row)
}

const MOVES: Record<'check-in' | 'complete' | 'no-show', BookingStatus> = {
  'check-in': 'checked_in',
  complete: 'completed',
  'no-show': 'no_show',
}

/** Check-in (payment taken at the counter), completion or no-show, by staff of the booking's own facility. */
export async function actAtDesk(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  bookingId: string,
  action: keyof typeof MOVES,
  now: Date,
): Promise<DeskBooking> {
  const row = await findRosterRowById(db, bookingId)
  if (!row || row.facility_id !== facilityId) throw notHere()
  const reason = action === 'check-in' ? '到店核销，柜台收款' : undefined
  await changeBookingStatus(db, { bookingId, to: MOVES[action], actorUserId: staff.id, reason, now })
  if (action === 'no-show') {
    const facility = await findFacilityPlace(db, facilityId)
    if (facility) {
      await applyNoShowPolicy(db, { beneficiary: beneficiaryOf(row), functionCode: row.function_code, districtId: facility.districtId }, now)
    }
  }
  return toDeskBooking(db, (await findRosterRowById(db, bookingId))!)
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
