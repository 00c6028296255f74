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
import { openStateAt } from './opening-hours'
import { openServices, servicesAt } from './service-availability'

// The directory is reference data, read on every visit and changed only by the district: each instance keeps it in
// memory under the version `cache_versions` holds for it (one primary-key read), so a change made anywhere — the
// seed, the district's administration, another instance — is seen by every instance at its next request.
type DirectoryEntry = Omit<Facility, 'openNow'>
const directories = new WeakMap<Kysely<Database>, { version: number; facilities: Promise<DirectoryEntry[]> }>()

async function facilityDirectory(db: Kysely<Database>): Promise<DirectoryEntry[]> {
  const version = await cacheVersion(db, 'facilities')
  const cached = directories.get(db)
  if (cached && cached.version === version) return cached.facilities
  const facilities = findFacilities(db).then((records) => records.map(toFacility).sort(byName))
  directories.set(db, { version, facilities })
  facilities.catch(() => directories.delete(db))
  return facilities
}

/**
 * Facilities offering a function (or all) whose name, community, street or address holds every word searched for,
 * nearest first when a position is given, else by name; each says whether it is open at `now`.
 */
export async function listFacilities(db: Kysely<Database>, query: FacilityListQuery, now: Date): Promise<Facility[]> {
  const all = await facilityDirectory(db)
  const words = searchWords(query.q)
  const facilities = all
    .filter((f) => !query.function || f.functions.includes(query.function))
    .filter((f) => words.every((w) => searchText(f).includes(w)))
    .map((f) => ({ ...f, openNow: openStateAt(f.hours, now, f.isReserve) }))
  if (query.lat === undefined || query.lng === undefined) return facilities
  const here = { lat: query.lat, lng: query.lng }
  return facilities
    .map((f) => ({ ...f, distanceM: Math.round(distanceMetres(here, f)) }))
    .sort((a, b) => a.distanceM - b.distanceM || byName(a, b))
}

/** Words of a search, split on spaces and punctuation; 社区 and 街道 (in every name) do not narrow anything. */
function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .split(/[\s,，、。.·]+/)
    .map((w) => w.replace(/(社区|街道办?|街办|服务设施)$/, ''))
    .filter(Boolean)
}
const searchText = (f: DirectoryEntry): string => `${f.name} ${f.community} ${f.street} ${f.address}`.toLowerCase()

// Chinese names in pinyin order, as a resident reads a list. One collator: building one per comparison
// (what localeCompare with a locale does) costs more than the whole query.
const pinyin = new Intl.Collator('zh-CN')
const byName = (a: DirectoryEntry, b: DirectoryEntry): number => pinyin.compare(a.name, b.name)

export async function getFacility(db: Kysely<Database>, id: string, now: Date): Promise<FacilityDetail> {
  const record = await findFacility(db, id)
  if (!record) throw new NotFoundError('没有找到这个服务设施，可能已调整')
  const detail = { ...toFacilityDetail(record), openNow: openStateAt(JSON.parse(record.hours), now, record.is_reserve === 1) }
  const [satisfaction, qualifiedIn, services] = await Promise.all([
    facilityRatingSummary(db, id),
    detail.operator ? qualifiedPeriodOf(db, detail.operator.id) : Promise.resolve(null),
    bookableServicesAt(db, detail, now),
  ])
  return { ...detail, satisfaction, qualifiedIn, services }
}

async function bookableServicesAt(db: Kysely<Database>, facility: DirectoryEntry, now: Date) {
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

function toFacility(r: FacilityRecord): DirectoryEntry {
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
    hours: JSON.parse(r.hours),
    phone: r.phone,
  }
}

function toFacilityDetail(r: FacilityRecord): Omit<FacilityDetail, 'satisfaction' | 'qualifiedIn' | 'services' | 'openNow'> {
  return {
    ...toFacility(r),
    district: r.district,
    year: r.year,
    investmentWan: r.investment_wan,
    operatingModels: JSON.parse(r.operating_models),
    operator: r.operator_id && r.operator_name ? { id: r.operator_id, name: r.operator_name } : null,
    functionHours: r.functionHours,
    dataNote: r.data_note,
  }
}

/** Functions in the plan's order (standard ones first), whatever order the store returns. */
function sortFunctions(codes: FunctionCode[]): FunctionCode[] {
  return [...codes].sort((a, b) => FUNCTION_CODES.indexOf(a) - FUNCTION_CODES.indexOf(b))
}
