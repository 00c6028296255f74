import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'

export function findSessionClasses(db: Kysely<Database>, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([])
  return db.selectFrom('session_classes').selectAll().where('session_id', 'in', sessionIds).execute()
}

export async function hasAgreement(db: Kysely<Database>, memberId: string, facilityId: string, functionCode: string) {
  const row = await db
    .selectFrom('care_agreements')
    .select('member_id')
    .where('member_id', '=', memberId)
    .where('facility_id', '=', facilityId)
    .where('function_code', '=', functionCode)
    .executeTakeFirst()
  return row !== undefined
}

export async function recordAgreement(
  trx: Transaction<Database>,
  agreement: { memberId: string; facilityId: string; functionCode: string; version: string; now: Date },
): Promise<void> {
  await trx
    .insertInto('care_agreements')
    .values({
      member_id: agreement.memberId,
      facility_id: agreement.facilityId,
      function_code: agreement.functionCode,
      agreement_version: agreement.version,
      health_check_declared_at: agreement.now.toISOString(),
      created_at: agreement.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['member_id', 'facility_id', 'function_code']).doNothing())
    .execute()
}

/** A facility's 半日托 / 计时托 / 临时托 rates, by class and type. */
export async function findInfantCareRates(db: Kysely<Database>, facilityId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('infant_care_rates').selectAll().where('facility_id', '=', facilityId).execute()
  return new Map(rows.map((r) => [rateKey(r.class_code, r.care_type), r.price_fen]))
}

export const rateKey = (classCode: string, careType: string) => `${classCode}|${careType}`
