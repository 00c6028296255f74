import type { StaffFacility } from '@shared/staff'
import { useState } from 'react'
import { fetchStaffFacilities } from '@/api/staff'
import { useRemote } from '@/hooks/use-remote'

/** The facilities this staff member works for, and the one chosen (the first until another is picked). */
export function useStaffFacility(initial?: string) {
  const facilities = useRemote(fetchStaffFacilities, 'staff-facilities')
  const [picked, setPicked] = useState<string | undefined>(initial)
  const current: StaffFacility | undefined =
    facilities.data?.find((f) => f.id === picked) ?? facilities.data?.[0]
  return { facilities, current, pick: setPicked }
}
