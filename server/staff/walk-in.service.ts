import type { FamilyMember, MemberCreate } from '@shared/member'
import type { BookingRequest, Quote } from '@shared/booking'
import type { Kysely } from 'kysely'
import { upsertUserByOpenid } from '../auth/user.repository'
import { type BookingResult, placeBooking, quoteBooking } from '../bookings/booking.service'
import type { Database, UserRow } from '../db/schema'
import { listFamilyMembers } from '../me/family-member.repository'
import { addMember } from '../me/family-member.service'
import { deskOpenid } from './desk-account'

/**
 * Residents without a smartphone, who phone or walk in, are kept as members of the facility's desk account
 * (`desk:<facility>`), an account nobody signs in with. Staff book for them through the same engine, with the
 * same rules and subsidies; the staff member is recorded as the one who booked.
 */
const deskAccount = (db: Kysely<Database>, facilityId: string, now: Date): Promise<UserRow> =>
  upsertUserByOpenid(db, deskOpenid(facilityId), now)

export async function listWalkIns(db: Kysely<Database>, facilityId: string, now: Date): Promise<FamilyMember[]> {
  return listFamilyMembers(db, (await deskAccount(db, facilityId, now)).id)
}

/** The resident gave their consent in person; the desk records the same consent version as the app shows. */
export async function addWalkIn(db: Kysely<Database>, facilityId: string, input: MemberCreate, now: Date): Promise<FamilyMember> {
  return addMember(db, (await deskAccount(db, facilityId, now)).id, input, now, 200)
}

export async function quoteForWalkIn(
  db: Kysely<Database>,
  facilityId: string,
  request: BookingRequest,
  now: Date,
): Promise<Quote> {
  return quoteBooking(db, await deskAccount(db, facilityId, now), request, now, facilityId)
}

export async function bookForWalkIn(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  request: BookingRequest,
  idempotencyKey: string,
  now: Date,
): Promise<BookingResult> {
  const desk = await deskAccount(db, facilityId, now)
  return placeBooking(db, desk, request, idempotencyKey, now, { onBehalf: { actorUserId: staff.id, facilityId } })
}
