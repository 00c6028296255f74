import { CHILD_CONSENT, SELF_RELATION, type FamilyMember, type MemberCreate, type MemberUpdate, type SubsidyCategory } from '@shared/member'
import type { Kysely } from 'kysely'
import type { Database, FamilyMemberRow } from '../db/schema'
import { ageOn } from '../time/shanghai'
import { statement } from '../db/statement'

export function toFamilyMember(row: FamilyMemberRow, today: string): FamilyMember {
  return {
    id: row.id,
    name: row.name,
    relation: row.relation,
    birthDate: row.birth_date,
    mobilityNeed: row.mobility_need === 1,
    dietNotes: row.diet_notes,
    address: row.address,
    districtId: row.district_id,
    subsidyCategory: row.subsidy_category as SubsidyCategory | null,
    subsidyVerified: row.subsidy_verified_at !== null,
    gender: row.gender as FamilyMember['gender'],
    allergies: row.allergies,
    healthNotes: row.health_notes,
    isChild: row.birth_date !== null && ageOn(row.birth_date, today) < CHILD_CONSENT.underAge,
    childConsentAt: row.child_consent_at,
  }
}

/** Only the owner's own members: one family never sees another's. */
export async function listFamilyMembers(
  db: Kysely<Database>,
  ownerUserId: string,
  today: string,
): Promise<FamilyMember[]> {
  const rows = await db
    .selectFrom('family_members')
    .selectAll()
    .where('owner_user_id', '=', ownerUserId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => toFamilyMember(row, today))
}

/** A member of this owner, or undefined — also when it exists but belongs to someone else. */
export async function findOwnMember(
  db: Kysely<Database>,
  ownerUserId: string,
  id: string,
): Promise<FamilyMemberRow | undefined> {
  return ownMember.first(db, { id, ownerUserId })
}

const ownMember = statement((db, { id, ownerUserId }: { id: string; ownerUserId: string }) =>
  db.selectFrom('family_members').selectAll().where('id', '=', id).where('owner_user_id', '=', ownerUserId),
)

/** The member an account registered as 本人, if it did: who "for myself" means. */
export async function findSelfMember(db: Kysely<Database>, ownerUserId: string): Promise<FamilyMemberRow | undefined> {
  return selfMember.first(db, { ownerUserId })
}

const selfMember = statement((db, { ownerUserId }: { ownerUserId: string }) =>
  db.selectFrom('family_members').selectAll().where('owner_user_id', '=', ownerUserId).where('relation', '=', SELF_RELATION).orderBy('created_at'),
)

/** A member of this owner with this name and birth date: the same person registered a second time. */
export async function findSameMember(
  db: Kysely<Database>,
  ownerUserId: string,
  person: { name: string; birthDate: string },
): Promise<FamilyMemberRow | undefined> {
  return db
    .selectFrom('family_members')
    .selectAll()
    .where('owner_user_id', '=', ownerUserId)
    .where('name', '=', person.name)
    .where('birth_date', '=', person.birthDate)
    .executeTakeFirst()
}

export async function insertFamilyMember(
  db: Kysely<Database>,
  row: { id: string; ownerUserId: string; input: MemberCreate; now: Date },
): Promise<void> {
  const { input } = row
  await db
    .insertInto('family_members')
    .values({
      id: row.id,
      owner_user_id: row.ownerUserId,
      name: input.name,
      relation: input.relation,
      birth_date: input.birthDate,
      mobility_need: input.mobilityNeed ? 1 : 0,
      diet_notes: input.dietNotes,
      address: input.address,
      district_id: input.districtId,
      subsidy_category: input.subsidyCategory,
      gender: input.gender,
      allergies: input.allergies,
      health_notes: input.healthNotes,
      child_consent_version: input.childConsentVersion ?? null,
      child_consent_at: input.childConsentVersion ? row.now.toISOString() : null,
      consent_version: input.consentVersion,
      consent_at: row.now.toISOString(),
      created_at: row.now.toISOString(),
    })
    .execute()
}

export async function updateFamilyMember(
  db: Kysely<Database>,
  ownerUserId: string,
  id: string,
  patch: MemberUpdate,
  now: Date,
): Promise<void> {
  await db
    .updateTable('family_members')
    .set({
      name: patch.name,
      relation: patch.relation,
      birth_date: patch.birthDate,
      mobility_need: patch.mobilityNeed === undefined ? undefined : patch.mobilityNeed ? 1 : 0,
      diet_notes: patch.dietNotes,
      address: patch.address,
      district_id: patch.districtId,
      subsidy_category: patch.subsidyCategory,
      gender: patch.gender,
      allergies: patch.allergies,
      health_notes: patch.healthNotes,
      child_consent_version: patch.childConsentVersion,
      child_consent_at: patch.childConsentVersion ? now.toISOString() : undefined,
      // A changed 低保 / 特困 / 低收入 declaration needs checking again.
      subsidy_verified_at: patch.subsidyCategory === undefined ? undefined : null,
    })
    .where('id', '=', id)
    .where('owner_user_id', '=', ownerUserId)
    .execute()
}

export async function deleteFamilyMember(db: Kysely<Database>, ownerUserId: string, id: string): Promise<void> {
  await db.deleteFrom('family_members').where('id', '=', id).where('owner_user_id', '=', ownerUserId).execute()
}

export async function countActiveBookingsFor(db: Kysely<Database>, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .where('status', 'in', ['booked', 'checked_in'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
