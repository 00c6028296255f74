import type { BookingRequest, Fulfilment, Quote } from '@shared/booking'
import type { Kysely } from 'kysely'
import type { Database, FamilyMemberRow, SessionRow, UserRow } from '../db/schema'
import type { FacilityPlace } from '../facilities/facility.repository'

/** What a meal booking records beyond its sessions: a snapshot, so a later menu change does not rewrite it. */
export interface MealDetails {
  setId: string
  setName: string
  dishes: string[]
  fulfilment: Fulfilment
  delivery: { address: string; lat: number; lng: number } | null
}

export interface BookingDetails {
  meal?: MealDetails
  /** Who it was for when placed, so the booking still says so after a member is deleted. */
  forMember?: boolean
}

export interface PlanContext {
  db: Kysely<Database>
  session: SessionRow
  facility: FacilityPlace
  booker: UserRow
  /** null when the booker books for themself. */
  member: FamilyMemberRow | null
  request: BookingRequest
}

/** What one kind of service makes of a request: what it records, what it costs, which subsidy it takes. */
export interface BookingPlan {
  details: BookingDetails
  quote: Quote
  /** Taken inside the booking's transaction; losing it to a concurrent order refuses this one. */
  subsidyClaim?: { beneficiary: string; serviceDate: string }
}

export type Planner = (context: PlanContext) => Promise<BookingPlan>

/** The subsidy and "one a day" rules count per person: a family member, or the booker themself. */
export function beneficiaryKey(context: Pick<PlanContext, 'booker' | 'member'>): string {
  return context.member ? `member:${context.member.id}` : `user:${context.booker.id}`
}
