import type { Facility, FacilityList } from '@shared/facility'
import type { FunctionCode } from '@shared/functions'
import { EMBEDDED_DIRECTORY_ID } from '@shared/first-screen'
import { takeEmbeddedAnswer } from '@/lib/embedded-answer'
import { apiRequest, serverChecked } from './client'

// The 服务 tab's list (WeChat main package: read with `serverChecked`); one facility is in facility-detail.ts.

export interface FacilityFilter {
  function?: FunctionCode
  position?: { lat: number; lng: number } | null
  /** Words of a name, community, street or address. */
  q?: string
}

export async function fetchFacilities({ function: fn, position, q }: FacilityFilter): Promise<Facility[]> {
  // The unfiltered list came with the page (H5): the first screen draws it without waiting for the network.
  const embedded = fn || position || q?.trim() ? undefined : takeEmbeddedAnswer<FacilityList>(EMBEDDED_DIRECTORY_ID)
  if (Array.isArray(embedded?.facilities)) return embedded.facilities
  const { facilities } = await apiRequest(serverChecked<FacilityList>(), '/facilities', {
    query: {
      function: fn,
      q: q?.trim() || undefined,
      lat: position ? position.lat.toFixed(6) : undefined,
      lng: position ? position.lng.toFixed(6) : undefined,
    },
  })
  return facilities
}
