import type { BookingStatus } from '@shared/booking'

// booked → checked_in → completed / no_show, and booked → cancelled. Nothing leaves a final state by a move. A
// checked-in booking is cancelled only by the facility closing a session that has not started (paid at noon for
// dinner, then the water is cut): residents cancel only while booked (`cancellable`), the desk refunds the payment.
const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  booked: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['completed', 'no_show', 'cancelled'],
  completed: [],
  no_show: [],
  cancelled: [],
}

// What the desk may take back on the day, and to what: a no-show to what it was (booked, or checked in), a
// completion to checked in. An undo is an event of its own, never a rewrite of the one it takes back; a
// cancellation is never undone (its place may already be someone else's).
const UNDO: Record<BookingStatus, readonly BookingStatus[]> = {
  booked: [],
  checked_in: [],
  completed: ['checked_in'],
  no_show: ['booked', 'checked_in'],
  cancelled: [],
}

export function canMove(from: BookingStatus, to: BookingStatus): boolean {
  return NEXT[from].includes(to)
}

export function canUndo(from: BookingStatus, to: BookingStatus): boolean {
  return UNDO[from].includes(to)
}

/** Whether a booking in this status has a desk entry that can be taken back. */
export const isUndoable = (status: BookingStatus): boolean => UNDO[status].length > 0
