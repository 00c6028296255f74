import { INFANT_CLASS_NAMES } from '@shared/care'
import type { BookingRequest, SessionPart } from '@shared/booking'
import type { FunctionCode } from '@shared/functions'
import type { WaitlistEntry, WaitlistStatus } from '@shared/waitlist'
import type { Kysely, Transaction } from 'kysely'
import type { Take } from '../bookings/booking-plan'
import type { Database } from '../db/schema'
import { toShanghaiIso } from '../time/shanghai'

export interface NewEntry {
  id: string
  userId: string
  memberId: string | null
  beneficiary: string
  facilityId: string
  functionCode: string
  sessionId: string
  queueClass: string
  request: BookingRequest
  needs: Take[]
  now: Date
}

export async function insertEntry(trx: Transaction<Database>, e: NewEntry): Promise<void> {
  const at = e.now.toISOString()
  await trx
    .insertInto('waitlist_entries')
    .values({
      id: e.id,
      user_id: e.userId,
      member_id: e.memberId,
      beneficiary: e.beneficiary,
      facility_id: e.facilityId,
      function_code: e.functionCode,
      session_id: e.sessionId,
      queue_class: e.queueClass,
      request: JSON.stringify(e.request),
      status: 'waiting',
      created_at: at,
      updated_at: at,
    })
    .execute()
  await trx
    .insertInto('waitlist_needs')
    .values(e.needs.map((n) => ({ entry_id: e.id, session_id: n.sessionId, class_code: n.classCode ?? '' })))
    .execute()
}

/** Moves an entry on only from the state it was read in; false when a concurrent change came first. */
export async function moveEntry(
  db: Kysely<Database>,
  id: string,
  from: WaitlistStatus,
  to: WaitlistStatus,
  now: Date,
  extra: { bookingId?: string; endedReason?: string } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('waitlist_entries')
    .set({
      status: to,
      updated_at: now.toISOString(),
      ...(extra.bookingId ? { booking_id: extra.bookingId } : {}),
      ...(extra.endedReason ? { ended_reason: extra.endedReason } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** The offer behind a booking ends with it: declined when cancelled, expired when its hold ran out. */
export async function endOfferOf(trx: Transaction<Database>, bookingId: string, to: 'declined' | 'expired', now: Date) {
  await trx
    .updateTable('waitlist_entries')
    .set({ status: to, updated_at: now.toISOString() })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'offered')
    .execute()
}

/** Entries waiting, first in line first: optionally only at one facility. */
export function findWaiting(db: Kysely<Database>, facilityId?: string) {
  return db
    .selectFrom('waitlist_entries')
    .select(['id', 'user_id', 'request'])
    .where('status', '=', 'waiting')
    .$if(facilityId !== undefined, (q) => q.where('facility_id', '=', facilityId as string))
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute()
}

/** Whether every place an entry needs has a free place now (the queue aside: the entry is the queue). */
export async function needsAreFree(db: Kysely<Database>, entryId: string): Promise<boolean> {
  const blocked = await db
    .selectFrom('waitlist_needs as n')
    .innerJoin('sessions as s', 's.id', 'n.session_id')
    .leftJoin('session_classes as c', (join) =>
      join.onRef('c.session_id', '=', 'n.session_id').onRef('c.class_code', '=', 'n.class_code'),
    )
    .select('n.session_id')
    .where('n.entry_id', '=', entryId)
    .where((eb) =>
      eb.or([eb('s.booked', '>=', eb.ref('s.capacity')), eb.and([eb('c.class_code', 'is not', null), eb('c.booked', '>=', eb.ref('c.capacity'))])]),
    )
    .executeTakeFirst()
  return blocked === undefined
}

export function findEntryOfUser(db: Kysely<Database>, userId: string, id: string) {
  return db
    .selectFrom('waitlist_entries')
    .select(['id', 'status', 'booking_id', 'facility_id', 'function_code'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/** A user's entries, newest first, each with its place in its queue while waiting. */
export async function findEntriesOfUser(db: Kysely<Database>, userId: string, filter: { id?: string } = {}): Promise<WaitlistEntry[]> {
  const rows = await db
    .selectFrom('waitlist_entries as e')
    .innerJoin('sessions as s', 's.id', 'e.session_id')
    .innerJoin('facilities as f', 'f.id', 'e.facility_id')
    .leftJoin('family_members as m', 'm.id', 'e.member_id')
    .leftJoin('bookings as b', 'b.id', 'e.booking_id')
    .select([
      'e.id',
      'e.status',
      'e.facility_id',
      'f.name as facility_name',
      'e.function_code',
      's.date',
      's.part',
      'e.session_id',
      'e.queue_class',
      'e.request',
      'e.member_id',
      'm.name as member_name',
      'e.created_at',
      'e.booking_id',
      'b.offer_expires_at',
      'e.ended_reason',
    ])
    .where('e.user_id', '=', userId)
    .$if(filter.id !== undefined, (q) => q.where('e.id', '=', filter.id as string))
    .orderBy('e.created_at', 'desc')
    .limit(50)
    .execute()
  const waiting = rows.filter((r) => r.status === 'waiting')
  const ahead = await Promise.all(
    waiting.map((r) =>
      db
        .selectFrom('waitlist_entries')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('session_id', '=', r.session_id)
        .where('queue_class', '=', r.queue_class)
        .where('status', '=', 'waiting')
        .where((eb) => eb.or([eb('created_at', '<', r.created_at), eb.and([eb('created_at', '=', r.created_at), eb('id', '<', r.id)])]))
        .executeTakeFirstOrThrow(),
    ),
  )
  const positions = new Map(waiting.map((r, i) => [r.id, Number(ahead[i].n) + 1]))
  return rows.map((r) => {
    const request = JSON.parse(r.request) as BookingRequest
    return {
      id: r.id,
      status: r.status as WaitlistStatus,
      facilityId: r.facility_id,
      facilityName: r.facility_name,
      function: r.function_code as FunctionCode,
      date: r.date,
      part: r.part as SessionPart,
      throughDate: request.throughDate ?? null,
      className: r.queue_class ? (INFANT_CLASS_NAMES[r.queue_class] ?? null) : null,
      beneficiaryName: r.member_id ? (r.member_name ?? '') : '本人',
      position: positions.get(r.id) ?? null,
      joinedAt: toShanghaiIso(r.created_at),
      bookingId: r.status === 'offered' ? r.booking_id : null,
      offerExpiresAt: r.status === 'offered' && r.offer_expires_at ? toShanghaiIso(r.offer_expires_at) : null,
      endedReason: r.ended_reason,
    }
  })
}
