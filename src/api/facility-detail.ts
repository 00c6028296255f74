import { type DistrictList, districtListSchema, facilityDetailSchema, type FacilityDetail } from '@shared/facility'
import { type FacilityPrices, facilityPricesSchema } from '@shared/prices'
import { apiRequest } from './client'

// Called from subpackage pages only, so answers are parsed with the contract's schemas (zod lives there anyway).

export const fetchFacility = (id: string): Promise<FacilityDetail> =>
  apiRequest(facilityDetailSchema, `/facilities/${encodeURIComponent(id)}`)

export const fetchDistricts = async (): Promise<DistrictList['districts']> =>
  (await apiRequest(districtListSchema, '/districts')).districts

export const fetchFacilityPrices = (id: string): Promise<FacilityPrices> =>
  apiRequest(facilityPricesSchema, `/facilities/${encodeURIComponent(id)}/prices`)
