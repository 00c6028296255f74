import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { BookingDetails } from '../bookings/booking-plan'
import type { Database, UserRow } from '../db/schema'
import { DomainError } from '../http/errors'
import { anonymiseBookingsOf, anonymousDetails } from './anonymise'

/**
 * 注销账号 (个人信息保护法 §47): the account, its sign-ins, family members, messages, waitlist places and every claim
 * in its name go; past bookings keep only what the district must count (as deleting a member does), ratings keep
 * their scores but not their words, as survey answers do. Refused, saying why, while a booking is still to be served: the facility is
 * expecting the person, and cancelling is theirs to decide.
 */
export async function deleteAccount(db: Kysely<Database>, user: UserRow, now: Date): Promise<void> {
  const active = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('booker_user_id', '=', user.id)
    .where('status', 'in', ['booked', 'checked_in'])
    .executeTakeFirstOrThrow()
  if (Number(active.n) > 0) {
    throw new DomainError('account_has_bookings', `您还有 ${Number(active.n)} 个未完成的预约。请先在「我的预约」里取消，或等服务完成后再注销`)
  }
  // A 家政便民 request still waiting: the facility may be arranging the visit; withdrawing it is the resident's to do.
  const waiting = await db
    .selectFrom('home_service_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .where('status', '=', 'requested')
    .executeTakeFirstOrThrow()
  if (Number(waiting.n) > 0) {
    throw new DomainError('account_has_bookings', `您还有 ${Number(waiting.n)} 条家政申请等待受理。请先在「家政便民」里取消申请，再注销`)
  }
  await db.transaction().execute(async (trx) => {
    const members = await trx.selectFrom('family_members').select('id').where('owner_user_id', '=', user.id).execute()
    for (const m of members) await anonymiseBookingsOf(trx, m.id)
    const own = await trx.selectFrom('bookings').select(['id', 'details']).where('booker_user_id', '=', user.id).where('member_id', 'is', null).execute()
    for (const b of own) {
      await trx.updateTable('bookings').set({ details: JSON.stringify(anonymousDetails(JSON.parse(b.details) as BookingDetails)) }).where('id', '=', b.id).execute()
    }
    const self = `user:${user.id}`
    await trx.deleteFrom('meal_subsidy_claims').where('beneficiary', '=', self).execute()
    await trx.deleteFrom('place_claims').where('beneficiary', '=', self).execute()
    await trx.deleteFrom('suspensions').where('beneficiary', '=', self).execute()
    const entries = trx.selectFrom('waitlist_entries').select('id').where('user_id', '=', user.id)
    await trx.deleteFrom('waitlist_needs').where('entry_id', 'in', entries).execute()
    await trx.deleteFrom('waitlist_entries').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('idempotency_keys').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('notices').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('feedback').where('user_id', '=', user.id).execute()
    // The visits themselves stay counted as bookings (anonymised above); the requests, with address and phone, go.
    await trx.deleteFrom('home_service_requests').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('announcement_reads').where('user_id', '=', user.id).execute()
    await trx.deleteFrom('account_session_units').where('user_id', '=', user.id).execute()
    await trx.updateTable('ratings').set({ comment: null }).where('rater_user_id', '=', user.id).execute()
    // A survey answer stays counted (which services, times and price), without the resident's own words.
    await trx.updateTable('survey_answers').set({ text: null }).where('user_id', '=', user.id).execute()
    await trx.deleteFrom('staff_bindings').where('user_id', '=', user.id).execute()
    if (members.length > 0) {
      await trx.deleteFrom('care_agreements').where('member_id', 'in', members.map((m) => m.id)).execute()
      await trx.deleteFrom('family_members').where('owner_user_id', '=', user.id).execute()
    }
    await trx.deleteFrom('auth_sessions').where('user_id', '=', user.id).execute()
    await trx
      .updateTable('users')
      .set({ openid: `deleted:${randomUUID()}`, nickname: null, community_id: null, deleted_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute()
  })
}
