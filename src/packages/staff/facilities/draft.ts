import { type AdminFacility, type FacilityEdit, facilityEditSchema } from '@shared/admin'
import type { FunctionCode } from '@shared/functions'

/** The form as typed: text boxes hold text; the schema in types/ decides what is valid, for the form and the server. */
export interface FacilityDraft {
  name: string
  address: string
  phone: string
  hours: { days: string; opens: string; closes: string }[]
  functions: FunctionCode[]
  isReserve: boolean
  lat: string
  lng: string
}

export const draftOf = (f: AdminFacility): FacilityDraft => ({
  name: f.name,
  address: f.address,
  phone: f.phone ?? '',
  hours: f.hours.map((h) => ({ ...h })),
  functions: [...f.functions],
  isReserve: f.isReserve,
  lat: String(f.lat),
  lng: String(f.lng),
})

/** Only what changed, checked by the contract's own schema: errors by field, or the edit to send. */
export function editOf(facility: AdminFacility, draft: FacilityDraft): { edit: FacilityEdit } | { errors: Record<string, string> } | { unchanged: true } {
  const candidate: Record<string, unknown> = {}
  const phone = draft.phone.trim() === '' ? null : draft.phone.trim()
  if (draft.name !== facility.name) candidate.name = draft.name
  if (draft.address !== facility.address) candidate.address = draft.address
  if (phone !== facility.phone) candidate.phone = phone
  if (JSON.stringify(draft.hours) !== JSON.stringify(facility.hours)) candidate.hours = draft.hours
  if ([...draft.functions].sort().join() !== [...facility.functions].sort().join()) candidate.functions = draft.functions
  if (draft.isReserve !== facility.isReserve) candidate.isReserve = draft.isReserve
  if (draft.lat !== String(facility.lat) || draft.lng !== String(facility.lng)) {
    candidate.lat = draft.lat.trim() === '' ? Number.NaN : Number(draft.lat)
    candidate.lng = draft.lng.trim() === '' ? Number.NaN : Number(draft.lng)
  }
  if (Object.keys(candidate).length === 0) return { unchanged: true }
  const parsed = facilityEditSchema.safeParse(candidate)
  if (parsed.success) return { edit: parsed.data }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.')
    errors[key] ??= issue.message
  }
  return { errors }
}
