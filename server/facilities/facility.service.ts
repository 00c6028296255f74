import type { Facility, FacilityDetail, FacilityListQuery } from '@shared/facility'
import { FUNCTION_CODES, type FunctionCode } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { NotFoundError } from '../http/errors'
import { isServiceComplex } from './complex'
import { distanceMetres } from './distance'
import { type FacilityRecord, findFacilities, findFacility } from './facility.repository'

/** Facilities offering a function (or all), nearest first when a position is given, else by name. */
export async function listFacilities(db: Kysely<Database>, query: FacilityListQuery): Promise<Facility[]> {
  const records = await findFacilities(db, { function: query.function })
  const facilities = records.map(toFacility).sort(byName)
  if (query.lat === undefined || query.lng === undefined) return facilities
  const here = { lat: query.lat, lng: query.lng }
  return facilities
    .map((f) => ({ ...f, distanceM: Math.round(distanceMetres(here, f)) }))
    .sort((a, b) => a.distanceM - b.distanceM || byName(a, b))
}

// Chinese names in pinyin order, as a resident reads a list.
const byName = (a: Facility, b: Facility): number => a.name.localeCompare(b.name, 'zh-CN')

export async function getFacility(db: Kysely<Database>, id: string): Promise<FacilityDetail> {
  const record = await findFacility(db, id)
  if (!record) throw new NotFoundError('没有找到这个服务设施，可能已调整')
  return toFacilityDetail(record)
}

function toFacility(r: FacilityRecord): Facility {
  const functions = sortFunctions(r.functions)
  return {
    id: r.id,
    name: r.name,
    street: r.street,
    community: r.community,
    address: r.address,
    areaSqm: r.area_sqm,
    functions,
    lat: r.lat,
    lng: r.lng,
    coordinatesApproximate: r.coordinates_approximate === 1,
    isComplex: isServiceComplex(r.area_sqm, functions),
    isReserve: r.is_reserve === 1,
  }
}

function toFacilityDetail(r: FacilityRecord): FacilityDetail {
  return {
    ...toFacility(r),
    district: r.district,
    year: r.year,
    investmentWan: r.investment_wan,
    operatingModels: JSON.parse(r.operating_models),
    operator: r.operator_id && r.operator_name ? { id: r.operator_id, name: r.operator_name } : null,
    phone: r.phone,
    hours: JSON.parse(r.hours),
    dataNote: r.data_note,
  }
}

/** Functions in the plan's order (standard ones first), whatever order the store returns. */
function sortFunctions(codes: FunctionCode[]): FunctionCode[] {
  return [...codes].sort((a, b) => FUNCTION_CODES.indexOf(a) - FUNCTION_CODES.indexOf(b))
}
