import type { InfantRates } from '@shared/schedule'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { offersFunction } from '../facilities/facility-functions.repository'
import { InvalidInputError } from '../http/errors'
import { notePriceChanges } from '../prices/price-changes'
import { shanghaiDate } from '../time/shanghai'

export async function readInfantRates(db: Kysely<Database>, facilityId: string): Promise<InfantRates> {
  const rows = await db.selectFrom('infant_care_rates').selectAll().where('facility_id', '=', facilityId).orderBy('class_code').orderBy('care_type').execute()
  return { rates: rows.map((r) => ({ classCode: r.class_code, careType: r.care_type as InfantRates['rates'][number]['careType'], priceFen: r.price_fen })) }
}

/**
 * Replaces the facility's 半日托 / 计时托 / 临时托 rates. They price bookings from now on (a booking made keeps its
 * quote), so the change takes effect today; a type left without a rate is no longer offered.
 */
export async function saveInfantRates(db: Kysely<Database>, facilityId: string, { rates }: InfantRates, userId: string, now: Date): Promise<InfantRates> {
  if (!(await offersFunction(db, facilityId, 'infant_care'))) throw new InvalidInputError('rates', '这个设施不提供婴幼儿托育')
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('infant_care_rates').where('facility_id', '=', facilityId).execute()
    if (rates.length > 0) {
      await trx
        .insertInto('infant_care_rates')
        .values(rates.map((r) => ({ facility_id: facilityId, class_code: r.classCode, care_type: r.careType, price_fen: r.priceFen })))
        .execute()
    }
    await notePriceChanges(trx, facilityId, { effectiveFrom: shanghaiDate(now), userId, now })
  })
  return readInfantRates(db, facilityId)
}
