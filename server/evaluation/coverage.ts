import { COVERAGE_TARGETS, type Coverage } from '@shared/evaluation'
import { FUNCTIONS } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { districtFacilityIds } from '../facilities/district-facilities'

/**
 * Per function, the share of the district's resettled communities with a facility (built, not a reserve) offering
 * it, against the plan's 2030 target. 未回迁社区 are left out, as the plan counts.
 */
export async function coverage(db: Kysely<Database>, districtId: string): Promise<Coverage> {
  const communities = await db
    .selectFrom('communities as c')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .select('c.id')
    .where('s.district_id', '=', districtId)
    .where('c.resettled', '=', 1)
    .execute()
  const offered = await db
    .selectFrom('facility_functions as ff')
    .innerJoin('facilities as f', 'f.id', 'ff.facility_id')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .select(['ff.function_code', 'c.id as community_id'])
    .distinct()
    .where('f.id', 'in', districtFacilityIds(db, districtId))
    .where('c.resettled', '=', 1)
    .where('f.is_reserve', '=', 0)
    .execute()
  const total = communities.length
  return {
    communities: total,
    functions: FUNCTIONS.map((f) => {
      const covered = offered.filter((o) => o.function_code === f.code).length
      const share = total > 0 ? covered / total : 0
      const target = COVERAGE_TARGETS[f.code]
      return { function: f.code, name: f.name, covered, share, target, met: share >= target }
    }),
  }
}
