import type { FacilityDetail } from '@shared/facility'
import type { FacilityPrices } from '@shared/prices'
import { apiRequest, serverChecked } from './client'

// The facility page, opened from a shared link on a slow phone, loads no zod: the answers are read with
// `serverChecked` (the server sends them through the same schemas). The districts are in districts.ts.

export const fetchFacility = (id: string): Promise<FacilityDetail> =>
  apiRequest(serverChecked<FacilityDetail>(), `/facilities/${encodeURIComponent(id)}`)

export const fetchFacilityPrices = (id: string): Promise<FacilityPrices> =>
  apiRequest(serverChecked<FacilityPrices>(), `/facilities/${encodeURIComponent(id)}/prices`)
