import type { Insertable, Kysely, Transaction } from 'kysely'
import type { Database, SuspensionTable } from '../db/schema'
import { statement } from '../db/statement'

/** A no-show as the suspension rule needs it: whose, which service, where (district, facility, phone), who booked. */
export function findNoShowFacts(db: Kysely<Database>, bookingId: string) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('sessions as ses', 'ses.id', 'b.session_id')
    .innerJoin('facilities as f', 'f.id', 'b.facility_id')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .innerJoin('streets as st', 'st.id', 'c.street_id')
    .select(['b.member_id', 'b.booker_user_id', 'b.function_code', 'b.code', 'b.details', 'b.service_date', 'b.starts_at', 'ses.part', 'ses.ends_at', 'f.name', 'f.phone', 'st.district_id'])
    .where('b.id', '=', bookingId)
    .executeTakeFirstOrThrow()
}

export function findNoShowRule(db: Kysely<Database>, districtId: string, functionCode: string) {
  return db
    .selectFrom('no_show_rules')
    .selectAll()
    .where('district_id', '=', districtId)
    .where('function_code', '=', functionCode)
    .executeTakeFirst()
}

/** A person's no-shows of a service from `since` on; `beneficiary` is member:<id> or user:<id> (booked for themself). */
export async function countNoShows(db: Kysely<Database>, beneficiary: string, functionCode: string, since: string): Promise<number> {
  const [kind, id] = beneficiary.split(':')
  const counted = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('function_code', '=', functionCode)
    .where('status', '=', 'no_show')
    .where('service_date', '>=', since)
    .where((eb) =>
      kind === 'member' ? eb('member_id', '=', id) : eb.and([eb('member_id', 'is', null), eb('booker_user_id', '=', id)]),
    )
    .executeTakeFirstOrThrow()
  return Number(counted.n)
}

export async function findMemberName(db: Kysely<Database>, memberId: string): Promise<string | undefined> {
  return (await db.selectFrom('family_members').select('name').where('id', '=', memberId).executeTakeFirst())?.name
}

export async function insertSuspension(trx: Transaction<Database>, row: Insertable<SuspensionTable>): Promise<void> {
  await trx.insertInto('suspensions').values(row).execute()
}

export function findSuspension(db: Kysely<Database>, id: string) {
  return db.selectFrom('suspensions').selectAll().where('id', '=', id).executeTakeFirst()
}

export function activeSuspension(db: Kysely<Database>, beneficiary: string, functionCode: string, now: Date) {
  return suspensionOf.first(db, { beneficiary, functionCode, now: now.toISOString() })
}

// Every booking asks it.
const suspensionOf = statement((db, { beneficiary, functionCode, now }: { beneficiary: string; functionCode: string; now: string }) =>
  db
    .selectFrom('suspensions')
    .selectAll()
    .where('beneficiary', '=', beneficiary)
    .where('function_code', '=', functionCode)
    .where('lifted_at', 'is', null)
    .where('ends_at', '>', now),
)

/** Lifts it unless it already was; says whether this call lifted it. */
export async function markLifted(trx: Transaction<Database>, id: string, staffUserId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('suspensions')
    .set({ lifted_at: now.toISOString(), lifted_by: staffUserId })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
