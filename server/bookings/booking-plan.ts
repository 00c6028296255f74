import type { BookingRequest, Collector, Fulfilment, Quote } from '@shared/booking'
import type { InfantCareChoice } from '@shared/care'
import type { HomeServiceKind } from '@shared/home-service'
import type { Kysely, Transaction } from 'kysely'
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

export interface CareDetails extends Partial<InfantCareChoice> {
  /** Per day, the class the child was in. */
  days: { date: string; classCode: string }[]
}

export interface StayDetails {
  from: string
  to: string
  nights: number
}

export interface BookingDetails {
  meal?: MealDetails
  care?: CareDetails
  stay?: StayDetails
  /** An activity's day: which activity, and its title as it was when signed up for. */
  activity?: { id: string; title: string }
  /** 儿童托管: the adults who may collect the child. */
  /** Names alone in bookings made before phone numbers were asked for. */
  collectors?: (string | Collector)[]
  /** 家政便民: the accepted request the booking is, its service and where to go. */
  home?: { requestId: string; service: HomeServiceKind; address: string; from: string; to: string }
  /** Who it was for when placed, so the booking still says so after a member is deleted. */
  forMember?: boolean
}

export interface PlanContext {
  db: Kysely<Database>
  /** The first session; with `throughDate`, `run` holds every session of the run in day order. */
  session: SessionRow
  run: SessionRow[]
  facility: FacilityPlace
  booker: UserRow
  /** null when the booker books for themself. */
  member: FamilyMemberRow | null
  request: BookingRequest
  now: Date
  /** Joining a waitlist: plan the places it would take even where they are full now. */
  ignoreFull?: boolean
  /**
   * Another booking of the booker's, made alongside this one by the engine (日间照料's lunch through the meal
   * planner): checked and priced now, booked in this booking's transaction under its own key. The engine hands it
   * in, so that no planner imports the engine back.
   */
  alongside(request: BookingRequest): Promise<Alongside>
}

/** What one kind of service makes of a request: what it records, what it costs, which subsidy it takes. */
/** Units a booking takes of one session, and of one class of its places when the service has classes. */
export interface Take {
  sessionId: string
  units: number
  classCode: string | null
}

/**
 * Takes in the one order every transaction locks sessions in (by id, compared in JavaScript, not by a database
 * collation), so that two bookings — or a booking and a cancellation — over the same days never wait on each other
 * in opposite orders.
 */
export function inLockOrder<T extends Pick<Take, 'sessionId'>>(takes: readonly T[]): T[] {
  return [...takes].sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0))
}

export interface BookingPlan {
  details: BookingDetails
  /** This booking's own price, stored with it. */
  quote: Quote
  /** What the request costs in all when it books more than this booking (日间照料 with its lunch, a booking of its
   * own): the price the resident is shown and confirms. */
  total?: Quote
  takes: Take[]
  /** Held for staff to confirm (a respite stay for a member without a care level); the places are held meanwhile. */
  awaitingConfirmation?: boolean
  /** Writes of this kind of service inside the booking's transaction (an agreement on record …). */
  record?: (trx: Transaction<Database>, bookingId: string) => Promise<void>
  /** Taken inside the booking's transaction; losing it to a concurrent order refuses this one. */
  subsidyClaim?: { beneficiary: string; serviceDate: string }
}

export type Planner = (context: PlanContext) => Promise<BookingPlan>

/** A booking prepared alongside another: its plan (price, details), and how to book it with the first. */
export interface Alongside {
  plan: BookingPlan
  book(trx: Transaction<Database>, key: string): Promise<void>
}

/** The price of the whole request, as quoted to the resident and checked against `expectedPayableFen`. */
export const quotedPrice = (plan: BookingPlan): Quote => plan.total ?? plan.quote

/** The subsidy and "one a day" rules count per person: a family member, or the booker themself. */
export function beneficiaryKey(context: Pick<PlanContext, 'booker' | 'member'>): string {
  return context.member ? `member:${context.member.id}` : `user:${context.booker.id}`
}
