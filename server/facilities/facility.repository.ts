import type { FunctionHours } from '@shared/facility'
import type { FunctionCode } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

const facilityColumns = [
  'f.id',
  'f.name',
  'f.address',
  'f.area_sqm',
  'f.year',
  'f.investment_wan',
  'f.operating_models',
  'f.phone',
  'f.hours',
  'f.lat',
  'f.lng',
  'f.coordinates_approximate',
  'f.is_reserve',
  'f.data_note',
  'c.name as community',
  's.name as street',
  'd.name as district',
  'o.id as operator_id',
  'o.name as operator_name',
] as const

function facilitiesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .innerJoin('districts as d', 'd.id', 's.district_id')
    .leftJoin('operators as o', 'o.id', 'f.operator_id')
    .select(facilityColumns)
    // Residents see facilities in service; a retired one keeps its history for staff and the evaluation.
    .where('f.retired_at', 'is', null)
}

export type FacilityRecord = Awaited<ReturnType<ReturnType<typeof facilitiesQuery>['executeTakeFirstOrThrow']>> & {
  functions: FunctionCode[]
  functionHours: FunctionHours[]
}

export async function findFacilities(db: Kysely<Database>): Promise<FacilityRecord[]> {
  return withFunctions(db, await facilitiesQuery(db).execute())
}

export async function findFacility(db: Kysely<Database>, id: string): Promise<FacilityRecord | undefined> {
  const row = await facilitiesQuery(db).where('f.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const [record] = await withFunctions(db, [row])
  return record
}

/** Adds each facility's functions, and the hours of those that keep their own, to its row, in one query. */
export async function withFunctions<T extends { id: string }>(
  db: Kysely<Database>,
  rows: T[],
): Promise<(T & { functions: FunctionCode[]; functionHours: FunctionHours[] })[]> {
  if (rows.length === 0) return []
  const links = await db
    .selectFrom('facility_functions')
    .select(['facility_id', 'function_code', 'hours'])
    .where(
      'facility_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('function_code')
    .execute()
  return rows.map((row) => {
    const own = links.filter((l) => l.facility_id === row.id)
    return {
      ...row,
      functions: own.map((l) => l.function_code as FunctionCode),
      functionHours: own.flatMap((l) => (l.hours === null ? [] : [{ function: l.function_code as FunctionCode, hours: JSON.parse(l.hours) }])),
    }
  })
}

/** Where a facility is and which district it serves: what booking rules about place need. */
export interface FacilityPlace {
  id: string
  name: string
  lat: number
  lng: number
  districtId: string
  /** Set when the district took the facility out of service (read where it matters: listing its sessions). */
  retiredAt?: string | null
}

export async function findFacilityPlace(db: Kysely<Database>, id: string): Promise<FacilityPlace | undefined> {
  return db
    .selectFrom('facilities as f')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .select(['f.id', 'f.name', 'f.lat', 'f.lng', 's.district_id as districtId', 'f.retired_at as retiredAt'])
    .where('f.id', '=', id)
    .executeTakeFirst()
}

export async function listDistricts(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('districts').select(['id', 'name']).orderBy('id').execute()
}
