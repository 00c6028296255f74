import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/**
 * The ids of a district's facilities (facility → community → street → district), or of some of its streets', as a
 * subquery to filter by.
 */
export function districtFacilityIds(db: Kysely<Database>, districtId: string, streetIds?: string[]) {
  return db
    .selectFrom('facilities as df')
    .innerJoin('communities as dc', 'dc.id', 'df.community_id')
    .innerJoin('streets as ds', 'ds.id', 'dc.street_id')
    .select('df.id')
    .where('ds.district_id', '=', districtId)
    .$if(streetIds !== undefined, (q) => q.where('ds.id', 'in', streetIds?.length ? streetIds : ['']))
}
