import type { BookingRequest, Quote } from '@shared/booking'
import type { FamilyMember, MemberCreate } from '@shared/member'
import type { Kysely } from 'kysely'
import { findUserByOpenid, upsertUserByOpenid } from '../auth/user.repository'
import { type BookingResult, placeBooking, quoteBooking } from '../bookings/booking.service'
import type { Database, UserRow } from '../db/schema'
import { InvalidInputError, NotFoundError } from '../http/errors'
import { listFamilyMembers } from '../me/family-member.repository'
import { addMember } from '../me/family-member.service'
import { shanghaiDate } from '../time/shanghai'
import { deskOpenid } from './desk-account'

/**
 * Residents without a smartphone, who phone or walk in, are kept as members of the facility's desk account
 * (`desk:<facility>`), an account nobody signs in with. Staff book for them through the same engine, with the
 * same rules and subsidies; the staff member is recorded as the one who booked. The account is created with the
 * first walk-in the desk keeps, in the same transaction: reading or a refused request writes nothing.
 */
export async function listWalkIns(db: Kysely<Database>, facilityId: string, now: Date): Promise<FamilyMember[]> {
  const desk = await findUserByOpenid(db, deskOpenid(facilityId))
  return desk ? listFamilyMembers(db, desk.id, shanghaiDate(now)) : []
}

/** The resident gave their consent in person; the desk records the same consent version as the app shows. */
export async function addWalkIn(db: Kysely<Database>, facilityId: string, input: MemberCreate, now: Date): Promise<FamilyMember> {
  return db.transaction().execute(async (trx) => {
    const desk = await upsertUserByOpenid(trx, deskOpenid(facilityId), now)
    return addMember(trx, desk.id, input, now, 200)
  })
}

/** The desk books for one of its walk-ins, never for the desk account itself. */
async function deskFor(db: Kysely<Database>, facilityId: string, request: BookingRequest): Promise<UserRow> {
  if (!request.memberId) throw new InvalidInputError('memberId', '请选择为哪位居民预约')
  const desk = await findUserByOpenid(db, deskOpenid(facilityId))
  if (!desk) throw new NotFoundError('没有找到这位家庭成员')
  return desk
}

export async function quoteForWalkIn(
  db: Kysely<Database>,
  facilityId: string,
  request: BookingRequest,
  now: Date,
): Promise<Quote> {
  return quoteBooking(db, await deskFor(db, facilityId, request), request, now, facilityId)
}

export async function bookForWalkIn(
  db: Kysely<Database>,
  staff: UserRow,
  facilityId: string,
  request: BookingRequest,
  idempotencyKey: string,
  now: Date,
): Promise<BookingResult> {
  const desk = await deskFor(db, facilityId, request)
  return placeBooking(db, desk, request, idempotencyKey, now, { onBehalf: { actorUserId: staff.id, facilityId } })
}
