import { randomUUID } from 'node:crypto'
import { CHILD_CONSENT, birthDateIssue, type FamilyMember, type MemberCreate, type MemberUpdate } from '@shared/member'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DomainError, InvalidInputError, NotFoundError } from '../http/errors'
import { ageOn, shanghaiDate } from '../time/shanghai'
import { anonymiseBookingsOf } from './anonymise'
import {
  countActiveBookingsFor,
  deleteFamilyMember,
  findOwnMember,
  findSameMember,
  insertFamilyMember,
  toFamilyMember,
  updateFamilyMember,
} from './family-member.repository'

const MAX_MEMBERS = 10

// Someone else's member is "not found", never "forbidden": its existence is not ours to reveal.
const memberNotFound = () => new NotFoundError('没有找到这位家庭成员')

interface ChildFacts {
  birthDate: string | null
  allergies: string | null
  healthNotes: string | null
  /** The child consent given now, or already on record. */
  childConsent: boolean
}

/**
 * A birth date must be a day that has been (checked against the server's clock, not the schema's). And
 * 个人信息保护法 §28, §31: a child under 14 is stored only with the guardian's separate consent; allergies and
 * health notes are asked only for children (the least data needed, §6). One rule for adding and for correcting.
 */
function assertMemberRules(facts: ChildFacts, now: Date): void {
  const birthIssue = facts.birthDate === null ? undefined : birthDateIssue(facts.birthDate, shanghaiDate(now))
  if (birthIssue) throw new InvalidInputError('birthDate', birthIssue)
  const child = facts.birthDate !== null && ageOn(facts.birthDate, shanghaiDate(now)) < CHILD_CONSENT.underAge
  if (child && !facts.childConsent) {
    throw new InvalidInputError('childConsentVersion', '请先阅读并同意儿童个人信息保护说明')
  }
  if (!child && facts.allergies) throw new InvalidInputError('allergies', '过敏情况只为儿童登记')
  if (!child && facts.healthNotes) throw new InvalidInputError('healthNotes', '健康情况只为儿童登记')
}

/** Adds a member with the consent version the resident accepted (the schema admits only the current one). */
export async function addMember(
  db: Kysely<Database>,
  ownerUserId: string,
  input: MemberCreate,
  now: Date,
  /** A family has at most 10; a facility's walk-in desk keeps more. */
  maxMembers = MAX_MEMBERS,
): Promise<FamilyMember> {
  const count = await db
    .selectFrom('family_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_user_id', '=', ownerUserId)
    .executeTakeFirstOrThrow()
  if (Number(count.n) >= maxMembers) {
    throw new DomainError('limit_reached', `每个账号最多添加 ${maxMembers} 位家庭成员`)
  }
  assertMemberRules({ ...input, childConsent: input.childConsentVersion !== undefined }, now)
  // The same person twice would book the same lunch twice, each with its subsidy.
  const same = await findSameMember(db, ownerUserId, input)
  if (same) throw new DomainError('already_registered', `${same.name}（${same.birth_date}）已经登记过了，不需要再添加`)
  const id = `m-${randomUUID()}`
  await insertFamilyMember(db, { id, ownerUserId, input, now })
  return getMember(db, ownerUserId, id, now)
}

export async function getMember(db: Kysely<Database>, ownerUserId: string, id: string, now: Date): Promise<FamilyMember> {
  const row = await findOwnMember(db, ownerUserId, id)
  if (!row) throw memberNotFound()
  return toFamilyMember(row, shanghaiDate(now))
}

export async function changeMember(
  db: Kysely<Database>,
  ownerUserId: string,
  id: string,
  patch: MemberUpdate,
  now: Date,
): Promise<FamilyMember> {
  const row = await findOwnMember(db, ownerUserId, id)
  if (!row) throw memberNotFound()
  assertMemberRules(
    {
      birthDate: patch.birthDate ?? row.birth_date,
      allergies: patch.allergies === undefined ? row.allergies : patch.allergies,
      healthNotes: patch.healthNotes === undefined ? row.health_notes : patch.healthNotes,
      childConsent: patch.childConsentVersion !== undefined || row.child_consent_version === CHILD_CONSENT.version,
    },
    now,
  )
  await updateFamilyMember(db, ownerUserId, id, patch, now)
  return getMember(db, ownerUserId, id, now)
}

/**
 * Deleting really removes the person (未成年人保护法 §72, 个人信息保护法 §47): the row goes, and their past bookings
 * keep only what the district must count — facility, day, service, quantity, price — with nothing that points
 * to them (the link, a delivery address). A member with bookings still to be served is kept until they are done.
 */
export async function removeMember(db: Kysely<Database>, ownerUserId: string, id: string, now: Date): Promise<void> {
  await getMember(db, ownerUserId, id, now)
  if ((await countActiveBookingsFor(db, id)) > 0) {
    throw new DomainError('member_has_bookings', '这位家人还有未完成的预约，请先取消预约再删除')
  }
  await db.transaction().execute(async (trx) => {
    await anonymiseBookingsOf(trx, id)
    await deleteFamilyMember(trx, ownerUserId, id)
  })
}
