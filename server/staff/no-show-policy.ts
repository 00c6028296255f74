import { randomUUID } from 'node:crypto'
import type { FunctionCode } from '@shared/functions'
import type { SuspensionList } from '@shared/staff'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DomainError } from '../http/errors'
import { addDays, shanghaiDate, toShanghaiIso } from '../time/shanghai'

const DAY_MS = 86_400_000

/** Whose bookings count together: a family member, or the booker who booked for themself. */
export const beneficiaryOf = (b: { member_id: string | null; booker_user_id: string }): string =>
  b.member_id ? `member:${b.member_id}` : `user:${b.booker_user_id}`

/**
 * After a no-show: if the person now has as many no-shows in the window as the district's rule allows
 * (`no_show_rules`, e.g. 3 in 30 days), booking that function is suspended for the rule's days.
 */
export async function applyNoShowPolicy(
  db: Kysely<Database>,
  person: { beneficiary: string; functionCode: string; districtId: string },
  now: Date,
): Promise<void> {
  const rule = await db
    .selectFrom('no_show_rules')
    .selectAll()
    .where('district_id', '=', person.districtId)
    .where('function_code', '=', person.functionCode)
    .executeTakeFirst()
  if (!rule) return
  const [kind, id] = person.beneficiary.split(':')
  const since = addDays(shanghaiDate(now), -rule.window_days)
  const counted = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('function_code', '=', person.functionCode)
    .where('status', '=', 'no_show')
    .where('service_date', '>=', since)
    .where((eb) =>
      kind === 'member' ? eb('member_id', '=', id) : eb.and([eb('member_id', 'is', null), eb('booker_user_id', '=', id)]),
    )
    .executeTakeFirstOrThrow()
  if (Number(counted.n) < rule.max_no_shows) return
  if (await activeSuspension(db, person.beneficiary, person.functionCode, now)) return
  await db
    .insertInto('suspensions')
    .values({
      id: `s-${randomUUID()}`,
      beneficiary: person.beneficiary,
      function_code: person.functionCode,
      reason: `${rule.window_days} 天内 ${counted.n} 次预约未到场`,
      starts_at: now.toISOString(),
      ends_at: new Date(now.getTime() + rule.suspend_days * DAY_MS).toISOString(),
      lifted_at: null,
      lifted_by: null,
    })
    .execute()
}

export function activeSuspension(db: Kysely<Database>, beneficiary: string, functionCode: string, now: Date) {
  return db
    .selectFrom('suspensions')
    .selectAll()
    .where('beneficiary', '=', beneficiary)
    .where('function_code', '=', functionCode)
    .where('lifted_at', 'is', null)
    .where('ends_at', '>', now.toISOString())
    .executeTakeFirst()
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
  const until = toShanghaiIso(suspension.ends_at)
  throw new DomainError(
    'suspended',
    `因${suspension.reason}，${Number(until.slice(5, 7))}月${Number(until.slice(8, 10))}日 ${until.slice(11, 16)} 前暂停预约这项服务；如有特殊情况请联系设施工作人员`,
  )
}

export async function liftSuspension(db: Kysely<Database>, id: string, staffUserId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('suspensions')
    .set({ lifted_at: now.toISOString(), lifted_by: staffUserId })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
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
