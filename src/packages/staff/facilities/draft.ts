import { type AdminFacility, type FacilityCreate, type FacilityEdit, facilityCreateSchema, facilityEditSchema } from '@shared/admin'
import type { OperatingModel } from '@shared/facility'
import type { FunctionCode } from '@shared/functions'
import { type FieldErrors, fieldErrorsOf } from '@/hooks/use-submit'

export type HoursDraft = { days: string; opens: string; closes: string }[]

/**
 * The facility form as typed, for a new facility and an edit alike: text boxes hold text; the schemas in types/ decide
 * what is valid, for the form and the server.
 */
export interface FacilityDraft {
  /** Only for a new facility: its 编号 cannot change. */
  id: string
  name: string
  communityId: string
  address: string
  areaSqm: string
  year: string
  investmentWan: string
  phone: string
  operatorId: string
  operatingModels: OperatingModel[]
  hours: HoursDraft
  functions: FunctionCode[]
  /** Functions with hours of their own; one kept for a function unticked comes back with it, and is not sent meanwhile. */
  functionHours: { function: FunctionCode; hours: HoursDraft }[]
  isReserve: boolean
  lat: string
  lng: string
}

export const emptyDraft = (): FacilityDraft => ({
  id: '',
  name: '',
  communityId: '',
  address: '',
  areaSqm: '',
  year: '',
  investmentWan: '',
  phone: '',
  operatorId: '',
  operatingModels: [],
  hours: [{ days: '周一至周日', opens: '08:00', closes: '18:00' }],
  functions: [],
  functionHours: [],
  isReserve: false,
  lat: '',
  lng: '',
})

export const draftOf = (f: AdminFacility): FacilityDraft => ({
  id: f.id,
  name: f.name,
  communityId: f.communityId,
  address: f.address,
  areaSqm: String(f.areaSqm),
  year: String(f.year),
  investmentWan: String(f.investmentWan),
  phone: f.phone ?? '',
  operatorId: f.operatorId ?? '',
  operatingModels: [...f.operatingModels],
  hours: f.hours.map((h) => ({ ...h })),
  functions: [...f.functions],
  functionHours: f.functionHours.map((x) => ({ function: x.function, hours: x.hours.map((h) => ({ ...h })) })),
  isReserve: f.isReserve,
  lat: String(f.lat),
  lng: String(f.lng),
})

/** The functions' own hours as sent: those of ticked functions, in the order the server keeps them (so errors index alike). */
export const sentFunctionHours = (d: FacilityDraft) =>
  d.functionHours.filter((f) => d.functions.includes(f.function)).sort((a, b) => a.function.localeCompare(b.function))

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))
const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** Every field as the contract types it (an empty box is NaN or null, for the schema to name). */
const fieldsOf = (d: FacilityDraft) => ({
  name: d.name,
  communityId: d.communityId,
  address: d.address,
  areaSqm: number(d.areaSqm),
  year: number(d.year),
  investmentWan: d.investmentWan.trim() === '' ? 0 : number(d.investmentWan),
  phone: orNull(d.phone),
  operatorId: orNull(d.operatorId),
  operatingModels: d.operatingModels,
  hours: d.hours,
  functions: d.functions,
  functionHours: sentFunctionHours(d),
  isReserve: d.isReserve,
  lat: number(d.lat),
  lng: number(d.lng),
})

// Functions and operating models are sets: their order is not a change.
const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value].sort() : value)

/** A new facility, checked by the contract's own schema: errors by field, or what to send. */
export function createOf(draft: FacilityDraft): { create: FacilityCreate } | { errors: FieldErrors } {
  const parsed = facilityCreateSchema.safeParse({ id: draft.id.trim(), ...fieldsOf(draft) })
  return parsed.success ? { create: parsed.data } : { errors: fieldErrorsOf(parsed.error.issues) }
}

/** Only what changed, checked by the contract's own schema: errors by field, or the edit to send. */
export function editOf(facility: AdminFacility, draft: FacilityDraft): { edit: FacilityEdit } | { errors: FieldErrors } | { unchanged: true } {
  const fields = fieldsOf(draft)
  const candidate = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => comparable(value) !== comparable(facility[key as keyof typeof fields])),
  ) as Partial<typeof fields>
  // A position is one change: both numbers or neither.
  if ('lat' in candidate || 'lng' in candidate) Object.assign(candidate, { lat: fields.lat, lng: fields.lng })
  if (Object.keys(candidate).length === 0) return { unchanged: true }
  const parsed = facilityEditSchema.safeParse(candidate)
  return parsed.success ? { edit: parsed.data } : { errors: fieldErrorsOf(parsed.error.issues) }
}
