import type { AdminFacility } from '@shared/admin'
import type { FunctionCode } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { withFunctions } from '../facilities/facility.repository'

/** Whose facilities: a district's, or only those in a street office's streets. */
export interface AdminScope {
  districtId: string
  streetIds?: string[]
}

function scoped(db: Kysely<Database>, scope: AdminScope) {
  let query = db
    .selectFrom('facilities as f')
    .innerJoin('communities as c', 'c.id', 'f.community_id')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .where('s.district_id', '=', scope.districtId)
  if (scope.streetIds) query = query.where('s.id', 'in', scope.streetIds.length > 0 ? scope.streetIds : [''])
  return query
}

export async function findAdminFacilities(db: Kysely<Database>, scope: AdminScope, id?: string): Promise<AdminFacility[]> {
  let query = scoped(db, scope).select([
    'f.id',
    'f.name',
    'f.community_id',
    'c.name as community',
    's.id as street_id',
    's.name as street',
    'f.address',
    'f.area_sqm',
    'f.year',
    'f.investment_wan',
    'f.operating_models',
    'f.operator_id',
    'f.phone',
    'f.hours',
    'f.lat',
    'f.lng',
    'f.coordinates_approximate',
    'f.is_reserve',
    'f.retired_at',
  ])
  if (id) query = query.where('f.id', '=', id)
  const rows = await withFunctions(db, await query.orderBy('f.id').execute())
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    communityId: r.community_id,
    community: r.community,
    streetId: r.street_id,
    street: r.street,
    address: r.address,
    areaSqm: r.area_sqm,
    year: r.year,
    investmentWan: r.investment_wan,
    operatingModels: JSON.parse(r.operating_models),
    operatorId: r.operator_id,
    phone: r.phone,
    hours: JSON.parse(r.hours),
    functions: r.functions as FunctionCode[],
    functionHours: r.functionHours,
    lat: r.lat,
    lng: r.lng,
    coordinatesApproximate: r.coordinates_approximate === 1,
    isReserve: r.is_reserve === 1,
    retiredAt: r.retired_at,
  }))
}

export async function findScopedCommunities(db: Kysely<Database>, scope: AdminScope) {
  let query = db
    .selectFrom('communities as c')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .select(['c.id', 'c.name', 's.id as streetId', 's.name as street'])
    .where('s.district_id', '=', scope.districtId)
  if (scope.streetIds) query = query.where('s.id', 'in', scope.streetIds.length > 0 ? scope.streetIds : [''])
  return query.orderBy('c.id').execute()
}

/** Operators are the district's partners: every street office may place a facility with any of them. */
export async function findOperators(db: Kysely<Database>) {
  const rows = await db.selectFrom('operators').select(['id', 'name', 'contact', 'licence_no']).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, contact: r.contact, licenceNo: r.licence_no }))
}
