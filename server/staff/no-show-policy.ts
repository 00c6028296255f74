import { randomUUID } from 'node:crypto'
import type { SessionPart } from '@shared/booking'
import { type FunctionCode, functionName } from '@shared/functions'
import type { SuspensionList } from '@shared/staff'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, SuspensionTable } from '../db/schema'
import { DomainError } from '../http/errors'
import { noticeFacts } from '../bookings/booked-service'
import type { BookingDetails } from '../bookings/booking-plan'
import { mistakenNoShow, suspendedNotice, suspensionLiftedNotice } from '../notices/notice-kinds'
import { insertNotice } from '../notices/notice.repository'
import { addDays, dayAndClock, shanghaiDate, toShanghaiIso } from '../time/shanghai'
import {
  activeSuspension,
  countNoShows,
  findMemberName,
  findNoShowFacts,
  findNoShowRule,
  findSuspension,
  insertSuspension,
  markLifted,
} from './suspension.repository'

const DAY_MS = 86_400_000

/** Whose bookings count together: a family member, or the booker who booked for themself. */
export const beneficiaryOf = (b: { member_id: string | null; booker_user_id: string }): string =>
  b.member_id ? `member:${b.member_id}` : `user:${b.booker_user_id}`

/** The no-show a suspension may follow from: whose it is, where, and who booked it (whom to tell). */
async function noShowFacts(trx: Transaction<Database>, bookingId: string) {
  const row = await findNoShowFacts(trx, bookingId)
  return {
    ...row,
    beneficiary: beneficiaryOf(row),
    booking: noticeFacts({
      facilityName: row.name,
      functionCode: row.function_code,
      part: row.part as SessionPart,
      details: JSON.parse(row.details) as BookingDetails,
      date: row.service_date,
      session: { startsAt: row.starts_at, endsAt: row.ends_at },
      code: row.code,
      // The suspension notice names the person itself; the no-show is one day.
      who: null,
      lastDate: null,
    }),
  }
}

/** A family member by name; the booker themself is 您 (the notice is theirs). */
async function whoIs(db: Kysely<Database>, beneficiary: string): Promise<string> {
  const [kind, id] = beneficiary.split(':')
  return kind === 'member' ? ((await findMemberName(db, id)) ?? '您的家人') : '您'
}

/**
 * After a no-show, in the transaction that records it: if the person now has as many no-shows in the window as
 * the district's rule allows (`no_show_rules`, e.g. 3 in 30 days), booking that function is suspended for the
 * rule's days, and the booker is told why, until when and whom to call — in the same transaction, so nobody is
 * suspended without being told.
 */
export async function applyNoShowPolicy(trx: Transaction<Database>, bookingId: string, now: Date): Promise<void> {
  const facts = await noShowFacts(trx, bookingId)
  const rule = await findNoShowRule(trx, facts.district_id, facts.function_code)
  if (!rule) return
  const noShows = await countNoShows(trx, facts.beneficiary, facts.function_code, addDays(shanghaiDate(now), -rule.window_days))
  if (noShows < rule.max_no_shows) return
  if (await activeSuspension(trx, facts.beneficiary, facts.function_code, now)) return
  const until = new Date(now.getTime() + rule.suspend_days * DAY_MS)
  await insertSuspension(trx, {
    id: `s-${randomUUID()}`,
    beneficiary: facts.beneficiary,
    function_code: facts.function_code,
    reason: `${rule.window_days} 天内 ${noShows} 次预约未到场`,
    starts_at: now.toISOString(),
    ends_at: until.toISOString(),
    lifted_at: null,
    lifted_by: null,
    notified_user_id: facts.booker_user_id,
  })
  const notice = suspendedNotice({
    who: await whoIs(trx, facts.beneficiary),
    functionName: functionName(facts.function_code as FunctionCode),
    noShows,
    windowDays: rule.window_days,
    until,
    facilityName: facts.name,
    phone: facts.phone,
    booking: facts.booking,
  })
  await insertNotice(trx, { ...notice, userId: facts.booker_user_id, bookingId, deliverAfter: now, now })
}

/**
 * After a no-show is undone, in the same transaction: a suspension the person no longer has enough no-shows for
 * is lifted (an undo is on the day, so the window is the one the suspension was decided in), and whoever was told
 * of it is told.
 */
export async function reconsiderSuspension(trx: Transaction<Database>, bookingId: string, staffUserId: string, now: Date): Promise<void> {
  const facts = await noShowFacts(trx, bookingId)
  const suspension = await activeSuspension(trx, facts.beneficiary, facts.function_code, now)
  const rule = await findNoShowRule(trx, facts.district_id, facts.function_code)
  if (!suspension || !rule) return
  const since = addDays(shanghaiDate(now), -rule.window_days)
  if ((await countNoShows(trx, facts.beneficiary, facts.function_code, since)) >= rule.max_no_shows) return
  await liftAndTell(trx, suspension, { staffUserId, now, why: mistakenNoShow(facts.booking), bookingId, code: facts.code })
}

async function liftAndTell(
  trx: Transaction<Database>,
  suspension: Selectable<SuspensionTable>,
  lift: { staffUserId: string; now: Date; why: string; bookingId: string | null; code: string | null },
): Promise<boolean> {
  if (!(await markLifted(trx, suspension.id, lift.staffUserId, lift.now))) return false
  // Only someone told of the suspension is told it is over (those from before notices were written were not).
  if (suspension.notified_user_id) {
    const notice = suspensionLiftedNotice({
      who: await whoIs(trx, suspension.beneficiary),
      functionName: functionName(suspension.function_code as FunctionCode),
      why: lift.why,
      code: lift.code,
      now: lift.now,
    })
    await insertNotice(trx, { ...notice, userId: suspension.notified_user_id, bookingId: lift.bookingId, deliverAfter: lift.now, now: lift.now })
  }
  return true
}

/** Refuses a booking while the person is suspended, saying why and until when. */
export async function assertNotSuspended(
  db: Kysely<Database>,
  beneficiary: string,
  functionCode: string,
  now: Date,
): Promise<void> {
  const suspension = await activeSuspension(db, beneficiary, functionCode, now)
  if (!suspension) return
  throw new DomainError(
    'suspended',
    `因${suspension.reason}，${dayAndClock(suspension.ends_at)} 前暂停预约这项服务；如有特殊情况请联系设施工作人员`,
  )
}

/** Staff lift a suspension (a special case the desk knows of); the resident is told if they were told of it. */
export async function liftSuspension(db: Kysely<Database>, id: string, staffUserId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const suspension = await findSuspension(trx, id)
    if (!suspension) return false
    return liftAndTell(trx, suspension, { staffUserId, now, why: '设施工作人员已解除暂停。', bookingId: null, code: null })
  })
}

/** Active suspensions of people who have booked this facility, with their names, for the desk to review. */
export async function suspensionsAtFacility(
  db: Kysely<Database>,
  facilityId: string,
  now: Date,
): Promise<SuspensionList['suspensions']> {
  const people = await db
    .selectFrom('bookings as b')
    .leftJoin('family_members as m', 'm.id', 'b.member_id')
    .leftJoin('users as u', 'u.id', 'b.booker_user_id')
    .select(['b.member_id', 'b.booker_user_id', 'm.name as member_name', 'u.nickname'])
    .where('b.facility_id', '=', facilityId)
    .distinct()
    .execute()
  const names = new Map(people.map((p) => [beneficiaryOf(p), p.member_id ? (p.member_name ?? '已删除的成员') : (p.nickname ?? '预约人本人')]))
  if (names.size === 0) return []
  const rows = await db
    .selectFrom('suspensions')
    .selectAll()
    .where('beneficiary', 'in', [...names.keys()])
    .where('lifted_at', 'is', null)
    .where('ends_at', '>', now.toISOString())
    .orderBy('ends_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: names.get(r.beneficiary) ?? '',
    functionCode: r.function_code as FunctionCode,
    reason: r.reason,
    until: toShanghaiIso(r.ends_at),
  }))
}
