import type { BookingStatus } from '@shared/booking'

// booked → checked_in → completed / no_show, and booked → cancelled. Nothing leaves a final state.
const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  booked: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['completed', 'no_show'],
  completed: [],
  no_show: [],
  cancelled: [],
}

export function canMove(from: BookingStatus, to: BookingStatus): boolean {
  return NEXT[from].includes(to)
}
