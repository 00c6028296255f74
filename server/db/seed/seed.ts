import { communityId, operatorId } from './ids'
import { seedActivities } from './activities'
import { seedAfterSchool } from './after-school'
import { seedRatingRules } from './district-rules'
import { seedDayCare } from './day-care'
import { seedInfantCare } from './infant-care'
import { seedMeals } from './meals'
import { seedRespite } from './respite'
import { seedSchoolBreaks } from './school-calendar'
import { notePriceChanges } from '../../prices/price-changes'
import { shanghaiDate } from '../../time/shanghai'
import type { Transaction } from 'kysely'
import type { Db } from '../connection'
import type { Database } from '../schema'
import { bumpCacheVersion } from '../cache-version'
import { SAMPLE_DATA_NOTE, district, facilities, sampleHours, streets } from './yanliang'

/**
 * The sample district for the demo (`npm start`), never in production. The first start of a database inserts it;
 * every start after that only publishes the coming days of the services it still offers. A start never writes over
 * what anyone edited: a phone number, an operator's name, a subsidy amount, a removed function stay as they were.
 */
export async function seedDistrict(db: Db, now: Date): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const setUp = !(await trx.selectFrom('districts').select('id').where('id', '=', district.id).executeTakeFirst())
    if (setUp) {
      await insertSampleDistrict(trx)
      await seedSchoolBreaks(trx, district.id)
      // Every instance keeps the directory in memory by this version: it reloads after the seed changed it.
      await bumpCacheVersion(trx, 'facilities')
    }
    const pass = { now, setUp }
    await seedMeals(trx, pass)
    await seedInfantCare(trx, pass)
    await seedRespite(trx, pass)
    await seedAfterSchool(trx, pass)
    await seedDayCare(trx, pass)
    await seedActivities(trx, pass)
    if (setUp) await seedRatingRules(trx, district.id)
    // The public price list says since when each price holds: the sample prices are recorded once, as set today.
    for (const f of facilities) await notePriceChanges(trx, f.id, { effectiveFrom: shanghaiDate(now), userId: null, now })
  })
}

async function insertSampleDistrict(trx: Transaction<Database>): Promise<void> {
  await trx.insertInto('districts').values(district).execute()
  await trx
    .insertInto('streets')
    .values(streets.map((street) => ({ ...street, district_id: district.id })))
    .execute()
  for (const f of facilities) {
    const community = { id: communityId(f.id), street_id: f.street, name: f.community, resettled: 1 }
    await trx.insertInto('communities').values(community).onConflict((oc) => oc.column('id').doNothing()).execute()
    const operator = { id: operatorId(f.id), name: `${f.community}综合服务运营方（示例）`, sample: 1 }
    await trx.insertInto('operators').values(operator).onConflict((oc) => oc.column('id').doNothing()).execute()
    await trx
      .insertInto('facilities')
      .values({
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
      })
      .execute()
    await trx
      .insertInto('facility_functions')
      .values(f.functions.map((code) => ({ facility_id: f.id, function_code: code })))
      .execute()
  }
}
