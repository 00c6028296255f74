import type { Facility as FullFacility, FacilityService } from '@shared/facility'

type Facility = Omit<FullFacility, 'openNow'>
import { BOOKABLE_SERVICES, type BookableServiceCode, serviceOfSession } from '@shared/services'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { addDays, shanghaiDate } from '../time/shanghai'
import { distanceMetres } from './distance'
import { findBookingHorizons, findComingSessions } from './service-availability.repository'

const key = (facilityId: string, service: BookableServiceCode) => `${facilityId}|${service}`

/**
 * Where each service can be booked now: at a facility that is built (a 储备 project is not), with the district's
 * booking rule for the function, and an open session still to start within that rule's horizon. A page offers
 * 预约 only there, so no button leads to 「近期没有开放」.
 */
export async function openServices(db: Kysely<Database>, facilities: Facility[], now: Date): Promise<Set<string>> {
  const [coming, horizons] = await Promise.all([findComingSessions(db, now), findBookingHorizons(db)])
  const built = new Set(facilities.filter((f) => !f.isReserve).map((f) => f.id))
  const today = shanghaiDate(now)
  const lastDay = new Map(horizons.map((h) => [`${h.facilityId}|${h.functionCode}`, addDays(today, h.horizonDays)]))
  const open = new Set<string>()
  for (const c of coming) {
    const service = serviceOfSession(c.functionCode, c.part)
    const last = lastDay.get(`${c.facilityId}|${c.functionCode}`)
    if (service && built.has(c.facilityId) && last !== undefined && c.firstDate <= last) open.add(key(c.facilityId, service.code))
  }
  return open
}

/**
 * The services of a facility's functions, each bookable here or not; one that is not points to the nearest
 * facility (from this one) where it is.
 */
export function servicesAt(facility: Facility, directory: Facility[], open: Set<string>): FacilityService[] {
  return BOOKABLE_SERVICES.filter((s) => facility.functions.includes(s.function)).map((s) => {
    if (open.has(key(facility.id, s.code))) return { code: s.code, name: s.name, bookable: true, nearest: null }
    const nearest = directory
      .filter((f) => f.id !== facility.id && open.has(key(f.id, s.code)))
      .map((f) => ({ facilityId: f.id, name: f.name, distanceM: Math.round(distanceMetres(facility, f)) }))
      .sort((a, b) => a.distanceM - b.distanceM)[0]
    return { code: s.code, name: s.name, bookable: false, nearest: nearest ?? null }
  })
}
