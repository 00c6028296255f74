import type { Booking, BookingRequest, Quote } from '@shared/booking'
import type { FamilyMember } from '@shared/member'
import { placeBooking, quoteBooking } from '@/api/booking'
import { fetchMembers } from '@/api/members'
import { bookWalkIn, fetchWalkIns, quoteWalkIn } from '@/api/walk-ins'

/**
 * Who the order page orders for: a resident for themself and their family, or the facility's desk for a
 * resident without a smartphone (staff only; the server checks). Same page, same engine, same rules.
 */
export interface OrderChannel {
  desk: boolean
  people(): Promise<FamilyMember[]>
  quote(request: BookingRequest): Promise<Quote>
  place(request: BookingRequest, idempotencyKey: string): Promise<Booking>
  addPersonUrl: string
}

export function orderChannel(facilityId: string, desk: boolean): OrderChannel {
  const id = encodeURIComponent(facilityId)
  if (!desk) {
    return { desk, people: fetchMembers, quote: quoteBooking, place: placeBooking, addPersonUrl: '/packages/member/edit/index' }
  }
  return {
    desk,
    people: () => fetchWalkIns(facilityId),
    quote: (request) => quoteWalkIn(facilityId, request),
    place: (request, key) => bookWalkIn(facilityId, request, key),
    addPersonUrl: `/packages/member/edit/index?desk=${id}`,
  }
}
