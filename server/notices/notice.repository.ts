import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { NoticeText } from './notice-kinds'

/** Writes a notice inside the caller's transaction: it exists if and only if the change it tells of does. */
export async function insertNotice(
  trx: Transaction<Database>,
  notice: NoticeText & { userId: string; bookingId: string | null; deliverAfter: Date; now: Date },
): Promise<void> {
  await trx
    .insertInto('notices')
    .values({
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
    })
    .execute()
}

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

export function dueNotices(db: Kysely<Database>, now: Date, limit: number) {
  return db
    .selectFrom('notices as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.kind', 'n.booking_id', 'n.fields', 'n.attempts', 'u.openid'])
    .where('n.delivery', '=', 'pending')
    .where('n.next_attempt_at', '<=', now.toISOString())
    .orderBy('n.next_attempt_at')
    .limit(limit)
    .execute()
}

export async function recordDelivery(
  db: Kysely<Database>,
  id: string,
  outcome: { delivery: 'sent' | 'skipped' | 'dead' | 'pending'; attempts: number; nextAttemptAt?: Date; error?: string },
): Promise<void> {
  await db
    .updateTable('notices')
    .set({
      delivery: outcome.delivery,
      attempts: outcome.attempts,
      last_error: outcome.error ?? null,
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt.toISOString() } : {}),
    })
    .where('id', '=', id)
    .execute()
}
