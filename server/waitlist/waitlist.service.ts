import { randomUUID } from 'node:crypto'
import type { BookingRequest } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { WaitlistEntry } from '@shared/waitlist'
import type { Kysely } from 'kysely'
import { changeBookingStatus } from '../bookings/booking-lifecycle'
import { beneficiaryKey } from '../bookings/booking-plan'
import { prepare } from '../bookings/booking.service'
import { isUniqueViolation } from '../db/errors'
import type { Database, UserRow } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { offerFreedPlaces } from './waitlist-offers'
import { findShortfall, hasWaitlist } from './waitlist-queue'
import { findEntriesOfUser, findEntryOfUser, insertEntry, moveEntry } from './waitlist.repository'

const entryNotFound = () => new NotFoundError('没有找到这条候补')
const alreadyWaiting = () => new DomainError('already_waiting', '已经在候补队列里了，请在“预约”里查看排队位置')

/**
 * Joins the queue for a request that cannot be booked only because places are taken: everything else is checked
 * as for a booking (age, agreement, care level, cut-off …), so an offer later books what was asked for.
 */
export async function joinWaitlist(
  db: Kysely<Database>,
  user: UserRow,
  request: BookingRequest,
  now: Date,
): Promise<WaitlistEntry> {
  // The price is confirmed when the offer is, not now.
  const { expectedPayableFen: _price, ...wanted } = request
  const prepared = await prepare(db, user, wanted, now, 'join_waitlist')
  const fn = prepared.session.function_code as FunctionCode
  if (!hasWaitlist(fn)) throw new DomainError('not_bookable', '这项服务不设候补，请选择其他场次')
  if (!(await findShortfall(db, prepared.plan.takes))) {
    throw new DomainError('not_full', '还有名额，可以直接预约')
  }
  const id = `w-${randomUUID()}`
  try {
    await db.transaction().execute((trx) =>
      insertEntry(trx, {
        id,
        userId: user.id,
        memberId: prepared.member?.id ?? null,
        beneficiary: beneficiaryKey({ booker: user, member: prepared.member }),
        facilityId: prepared.facility.id,
        functionCode: fn,
        sessionId: prepared.session.id,
        queueClass: prepared.plan.takes[0]?.classCode ?? '',
        request: wanted,
        needs: prepared.plan.takes,
        now,
      }),
    )
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyWaiting()
    throw err
  }
  const [entry] = await findEntriesOfUser(db, user.id, { id })
  return entry
}

export function listMyWaitlist(db: Kysely<Database>, user: UserRow): Promise<WaitlistEntry[]> {
  return findEntriesOfUser(db, user.id)
}

/** Keeps the offered place: the held booking becomes an ordinary one. */
export async function confirmOffer(db: Kysely<Database>, user: UserRow, id: string, now: Date): Promise<WaitlistEntry> {
  const entry = await findEntryOfUser(db, user.id, id)
  if (!entry) throw entryNotFound()
  if (entry.status === 'booked') return (await findEntriesOfUser(db, user.id, { id }))[0]
  if (entry.status !== 'offered' || !entry.booking_id) {
    throw new DomainError('offer_expired', '这条候补没有待确认的名额')
  }
  const bookingId = entry.booking_id
  await db.transaction().execute(async (trx) => {
    const kept = await trx
      .updateTable('bookings')
      .set({ offer_expires_at: null, updated_at: now.toISOString() })
      .where('id', '=', bookingId)
      .where('status', '=', 'booked')
      .where('offer_expires_at', '>', now.toISOString())
      .executeTakeFirst()
    if (kept.numUpdatedRows !== 1n) throw new DomainError('offer_expired', '保留时间已过，名额已让给下一位')
    if (!(await moveEntry(trx, id, 'offered', 'booked', now))) throw new DomainError('offer_expired', '这条候补已有变化，请刷新')
  })
  return (await findEntriesOfUser(db, user.id, { id }))[0]
}

/** Leaves the queue; leaving with a place on offer gives the place to the next in line. */
export async function leaveWaitlist(db: Kysely<Database>, user: UserRow, id: string, now: Date): Promise<WaitlistEntry> {
  const entry = await findEntryOfUser(db, user.id, id)
  if (!entry) throw entryNotFound()
  if (entry.status === 'waiting') {
    await moveEntry(db, id, 'waiting', 'left', now)
  } else if (entry.status === 'offered' && entry.booking_id) {
    await changeBookingStatus(db, { bookingId: entry.booking_id, to: 'cancelled', actorUserId: user.id, reason: '放弃候补名额', now })
    await offerFreedPlaces(db, now, entry.facility_id)
  }
  return (await findEntriesOfUser(db, user.id, { id }))[0]
}
