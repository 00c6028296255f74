import { randomUUID } from 'node:crypto'
import type { ExpressionBuilder, Insertable, Kysely, Transaction } from 'kysely'
import type { Db } from '../db/connection'
import type { Database, NoticeTable } from '../db/schema'
import type { Notice } from '@shared/notice'
import { toShanghaiIso } from '../time/shanghai'
import type { NoticeKind, NoticeText } from './notice-kinds'
import { statementOfRows } from '../db/statement'

type NewNotice = NoticeText & { userId: string; bookingId: string | null; deliverAfter: Date; now: Date }

/** Writes a notice inside the caller's transaction: it exists if and only if the change it tells of does. */
export function insertNotice(trx: Transaction<Database>, notice: NewNotice): Promise<void> {
  return insertNotices(trx, [notice])
}

/** Several notices in one statement (a booking's confirmation and its reminder). */
export async function insertNotices(trx: Transaction<Database>, notices: NewNotice[]): Promise<void> {
  if (notices.length === 0) return
  await noticeRows.changed(
    trx,
    notices.map((notice) => ({
      id: `n-${randomUUID()}`,
      user_id: notice.userId,
      kind: notice.kind,
      booking_id: notice.bookingId,
      title: notice.title,
      body: notice.body,
      fields: JSON.stringify(notice.fields),
      created_at: notice.now.toISOString(),
      deliver_after: notice.deliverAfter.toISOString(),
      next_attempt_at: notice.deliverAfter.toISOString(),
    })),
  )
}

// Every booking writes one or two (its confirmation, its reminder).
const noticeRows = statementOfRows((db, rows: Insertable<NoticeTable>[]) =>
  db.insertInto('notices').values(
    rows.map(({ id, user_id, kind, booking_id, title, body, fields, created_at, deliver_after, next_attempt_at }) => ({
      id,
      user_id,
      kind,
      booking_id,
      title,
      body,
      fields,
      created_at,
      deliver_after,
      next_attempt_at,
    })),
  ),
)

/** A reminder for a booking that no longer happens is not sent. */
export async function voidReminders(trx: Transaction<Database>, bookingId: string): Promise<void> {
  await trx
    .updateTable('notices')
    .set({ delivery: 'void' })
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'booking_reminder')
    .where('delivery', '=', 'pending')
    .execute()
}

/**
 * The in-app list: what has been said to this user, newest first (reminders once their time has come). A place
 * offered from the waitlist is no news once it is confirmed: its message goes.
 */
export function listNotices(db: Kysely<Database>, userId: string, now: Date) {
  return db
    .selectFrom('notices as n')
    .leftJoin('bookings as b', 'b.id', 'n.booking_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.booking_id', 'n.created_at', 'n.deliver_after', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .where('n.deliver_after', '<=', now.toISOString())
    .where('n.delivery', '!=', 'void')
    .where((eb) =>
      eb.not(eb.and([eb('n.kind', '=', 'waitlist_offer'), eb('b.status', '=', 'booked'), eb('b.offer_expires_at', 'is', null)])),
    )
    .orderBy('n.deliver_after', 'desc')
    .limit(50)
    .execute()
}

/** The in-app list as the resident reads it. */
export async function listMyNotices(db: Kysely<Database>, userId: string, now: Date): Promise<Notice[]> {
  const rows = await listNotices(db, userId, now)
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind as NoticeKind,
    title: n.title,
    body: n.body,
    bookingId: n.booking_id,
    at: toShanghaiIso(n.deliver_after),
    read: n.read_at !== null,
  }))
}

/** 全部已读: every message of this user read now; how many were unread. */
export async function markAllRead(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('notices')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('deliver_after', '<=', now.toISOString())
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function markRead(db: Kysely<Database>, userId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set({ read_at: now.toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/**
 * Claims up to `limit` due notices for `holder` until `leaseUntil`, in one statement: a notice pending, due and not
 * held by a live lease. On PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`, so two senders claiming at the
 * same moment take different notices; SQLite runs one writer at a time, so the same conditional UPDATE is the claim.
 * The outer WHERE repeats the conditions: a row claimed meanwhile is not taken again.
 */
export async function claimDueNotices(
  db: Db,
  claim: { holder: string; now: Date; leaseUntil: Date; limit: number },
) {
  const now = claim.now.toISOString()
  const kysely = db.kysely
  const free = (eb: ExpressionBuilder<Database, 'notices'>) =>
    eb.and([
      eb('delivery', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]),
    ])
  let due = kysely.selectFrom('notices').select('id').where(free).orderBy('next_attempt_at').limit(claim.limit)
  if (db.kind === 'postgres') due = due.forUpdate().skipLocked()
  const claimed = await kysely
    .updateTable('notices')
    .set({ claimed_by: claim.holder, claimed_until: claim.leaseUntil.toISOString() })
    .where('id', 'in', due)
    .where(free)
    .returning('id')
    .execute()
  if (claimed.length === 0) return []
  return kysely
    .selectFrom('notices as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'n.booking_id', 'n.fields', 'n.attempts', 'u.openid'])
    .where(
      'n.id',
      'in',
      claimed.map((c) => c.id),
    )
    .where('n.claimed_by', '=', claim.holder)
    .orderBy('n.next_attempt_at')
    .execute()
}

/**
 * Counts an attempt before the message goes out, while the lease is still ours: the count is true even when the
 * sender dies before it hears back. Returns the attempt's number, or undefined when the lease was lost.
 */
export async function markAttempt(db: Kysely<Database>, id: string, holder: string): Promise<number | undefined> {
  const row = await db
    .updateTable('notices')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('claimed_by', '=', holder)
    .where('delivery', '=', 'pending')
    .returning('attempts')
    .executeTakeFirst()
  return row?.attempts
}

/** Records how a claimed notice went and releases the lease; a lease lost meanwhile records nothing. */
export async function recordDelivery(
  db: Kysely<Database>,
  id: string,
  holder: string,
  outcome: { delivery: 'sent' | 'skipped' | 'dead' | 'pending'; nextAttemptAt?: Date; error?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set({
      delivery: outcome.delivery,
      last_error: outcome.error ?? null,
      claimed_by: null,
      claimed_until: null,
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt.toISOString() } : {}),
    })
    .where('id', '=', id)
    .where('claimed_by', '=', holder)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
