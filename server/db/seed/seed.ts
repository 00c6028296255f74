import { communityId, operatorId } from './ids'
import { seedAfterSchool } from './after-school'
import { seedRatingRules } from './district-rules'
import { seedDayCare } from './day-care'
import { seedInfantCare } from './infant-care'
import { seedMeals } from './meals'
import { seedRespite } from './respite'
import type { Db } from '../connection'
import { bumpCacheVersion } from '../cache-version'
import { SAMPLE_DATA_NOTE, district, facilities, sampleHours, streets } from './yanliang'

/**
 * Writes the district's reference data. Every row is an upsert on a stable id, so running it on every start
 * never duplicates and brings edited seed values into an existing database.
 */
export async function seedDistrict(db: Db, now: Date): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('districts')
      .values(district)
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: district.name, city: district.city }))
      .execute()

    for (const street of streets) {
      await trx
        .insertInto('streets')
        .values({ ...street, district_id: district.id })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: street.name }))
        .execute()
    }

    for (const f of facilities) {
      const community = { id: communityId(f.id), street_id: f.street, name: f.community, resettled: 1 }
      await trx
        .insertInto('communities')
        .values(community)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: community.name, street_id: community.street_id }))
        .execute()

      const operator = { id: operatorId(f.id), name: `${f.community}综合服务运营方（示例）`, sample: 1 }
      await trx
        .insertInto('operators')
        .values(operator)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: operator.name }))
        .execute()

      const row = {
        id: f.id,
        community_id: community.id,
        name: f.name,
        address: f.address,
        area_sqm: f.areaSqm,
        year: f.year,
        investment_wan: f.investmentWan,
        operating_models: JSON.stringify(f.operatingModels),
        operator_id: operator.id,
        phone: null,
        hours: JSON.stringify(sampleHours),
        lat: f.lat,
        lng: f.lng,
        coordinates_approximate: 1,
        is_reserve: f.isReserve ? 1 : 0,
        data_note: SAMPLE_DATA_NOTE,
      }
      const { id: _id, ...update } = row
      await trx
        .insertInto('facilities')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute()

      await trx.deleteFrom('facility_functions').where('facility_id', '=', f.id).execute()
      await trx
        .insertInto('facility_functions')
        .values(f.functions.map((code) => ({ facility_id: f.id, function_code: code })))
        .execute()
    }

    // Every instance keeps the directory in memory by this version: it reloads after the seed changed it.
    await bumpCacheVersion(trx, 'facilities')

    await seedMeals(trx, now)
    await seedInfantCare(trx, now)
    await seedRespite(trx, now)
    await seedAfterSchool(trx, now)
    await seedDayCare(trx, now)
    await seedRatingRules(trx, district.id)
  })
}
