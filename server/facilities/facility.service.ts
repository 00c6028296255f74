import type { Facility, FacilityDetail, FacilityListQuery } from '@shared/facility'
import { FUNCTION_CODES, type FunctionCode } from '@shared/functions'
import type { Kysely } from 'kysely'
import { cacheVersion } from '../db/cache-version'
import type { Database } from '../db/schema'
import { NotFoundError } from '../http/errors'
import { publishedQualifiedList } from '../evaluation/qualified-list.service'
import { facilityRatingSummary } from '../ratings/rating.service'
import { isServiceComplex } from './complex'
import { distanceMetres } from './distance'
import { type FacilityRecord, findFacilities, findFacility } from './facility.repository'
import { openServices, servicesAt } from './service-availability'

// The directory is reference data, read on every visit and changed only by the district: each instance keeps it in
// memory under the version `cache_versions` holds for it (one primary-key read), so a change made anywhere — the
// seed, another instance — is seen by every instance at its next request. Whatever edits facilities bumps it.
const directories = new WeakMap<Kysely<Database>, { version: number; facilities: Promise<Facility[]> }>()

async function facilityDirectory(db: Kysely<Database>): Promise<Facility[]> {
  const version = await cacheVersion(db, 'facilities')
  const cached = directories.get(db)
  if (cached && cached.version === version) return cached.facilities
  const facilities = findFacilities(db).then((records) => records.map(toFacility).sort(byName))
  directories.set(db, { version, facilities })
  facilities.catch(() => directories.delete(db))
  return facilities
}

/** Facilities offering a function (or all), nearest first when a position is given, else by name. */
export async function listFacilities(db: Kysely<Database>, query: FacilityListQuery): Promise<Facility[]> {
  const all = await facilityDirectory(db)
  const facilities = query.function ? all.filter((f) => f.functions.includes(query.function as FunctionCode)) : all
  if (query.lat === undefined || query.lng === undefined) return facilities
  const here = { lat: query.lat, lng: query.lng }
  return facilities
    .map((f) => ({ ...f, distanceM: Math.round(distanceMetres(here, f)) }))
    .sort((a, b) => a.distanceM - b.distanceM || byName(a, b))
}

// Chinese names in pinyin order, as a resident reads a list. One collator: building one per comparison
// (what localeCompare with a locale does) costs more than the whole query.
const pinyin = new Intl.Collator('zh-CN')
const byName = (a: Facility, b: Facility): number => pinyin.compare(a.name, b.name)

export async function getFacility(db: Kysely<Database>, id: string, now: Date): Promise<FacilityDetail> {
  const record = await findFacility(db, id)
  if (!record) throw new NotFoundError('没有找到这个服务设施，可能已调整')
  const detail = toFacilityDetail(record)
  const [satisfaction, qualifiedIn, services] = await Promise.all([
    facilityRatingSummary(db, id),
    detail.operator ? qualifiedPeriodOf(db, detail.operator.id) : Promise.resolve(null),
    bookableServicesAt(db, detail, now),
  ])
  return { ...detail, satisfaction, qualifiedIn, services }
}

async function bookableServicesAt(db: Kysely<Database>, facility: Facility, now: Date) {
  const directory = await facilityDirectory(db)
  return servicesAt(facility, directory, await openServices(db, directory, now))
}

/** The newest published list's period if it names the operator qualified; null otherwise. */
async function qualifiedPeriodOf(db: Kysely<Database>, operatorId: string): Promise<string | null> {
  try {
    const list = await publishedQualifiedList(db)
    return list.operators.some((o) => o.operatorId === operatorId && o.qualified) ? list.period : null
  } catch (err) {
    if (err instanceof NotFoundError) return null
    throw err
  }
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

function toFacilityDetail(r: FacilityRecord): Omit<FacilityDetail, 'satisfaction' | 'qualifiedIn' | 'services'> {
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
