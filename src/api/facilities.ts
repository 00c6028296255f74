import {
  type DistrictList,
  districtListSchema,
  facilityDetailSchema,
  facilityListSchema,
  type Facility,
  type FacilityDetail,
} from '@shared/facility'
import type { FunctionCode } from '@shared/functions'
import { type FacilityPrices, facilityPricesSchema } from '@shared/prices'
import { apiRequest } from './client'

export interface FacilityFilter {
  function?: FunctionCode
  position?: { lat: number; lng: number } | null
  /** Words of a name, community, street or address. */
  q?: string
}

export async function fetchFacilities({ function: fn, position, q }: FacilityFilter): Promise<Facility[]> {
  const { facilities } = await apiRequest(facilityListSchema, '/facilities', {
    query: {
      function: fn,
      q: q?.trim() || undefined,
      lat: position ? position.lat.toFixed(6) : undefined,
      lng: position ? position.lng.toFixed(6) : undefined,
    },
  })
  return facilities
}

export const fetchFacility = (id: string): Promise<FacilityDetail> =>
  apiRequest(facilityDetailSchema, `/facilities/${encodeURIComponent(id)}`)

export const fetchDistricts = async (): Promise<DistrictList['districts']> =>
  (await apiRequest(districtListSchema, '/districts')).districts

export const fetchFacilityPrices = (id: string): Promise<FacilityPrices> =>
  apiRequest(facilityPricesSchema, `/facilities/${encodeURIComponent(id)}/prices`)
