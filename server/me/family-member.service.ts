import { randomUUID } from 'node:crypto'
import type { FamilyMember, MemberCreate, MemberUpdate } from '@shared/member'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import {
  countActiveBookingsFor,
  deleteFamilyMember,
  findOwnMember,
  insertFamilyMember,
  toFamilyMember,
  updateFamilyMember,
} from './family-member.repository'

const MAX_MEMBERS = 10

// Someone else's member is "not found", never "forbidden": its existence is not ours to reveal.
const memberNotFound = () => new NotFoundError('没有找到这位家庭成员')

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
    throw new DomainError('invalid_input', `每个账号最多添加 ${maxMembers} 位家庭成员`)
  }
  const id = `m-${randomUUID()}`
  await insertFamilyMember(db, { id, ownerUserId, input, now })
  return getMember(db, ownerUserId, id)
}

export async function getMember(db: Kysely<Database>, ownerUserId: string, id: string): Promise<FamilyMember> {
  const row = await findOwnMember(db, ownerUserId, id)
  if (!row) throw memberNotFound()
  return toFamilyMember(row)
}

export async function changeMember(
  db: Kysely<Database>,
  ownerUserId: string,
  id: string,
  patch: MemberUpdate,
): Promise<FamilyMember> {
  await getMember(db, ownerUserId, id)
  await updateFamilyMember(db, ownerUserId, id, patch)
  return getMember(db, ownerUserId, id)
}

/** Deleting really removes the row; a member with bookings still to be served is kept until they are done. */
export async function removeMember(db: Kysely<Database>, ownerUserId: string, id: string): Promise<void> {
  await getMember(db, ownerUserId, id)
  if ((await countActiveBookingsFor(db, id)) > 0) {
    throw new DomainError('member_has_bookings', '这位家人还有未完成的预约，请先取消预约再删除')
  }
  await deleteFamilyMember(db, ownerUserId, id)
}
