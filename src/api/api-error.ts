/** A failed call, with the sentence a resident can read. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
    /** `already_booked`: the booking the person already holds. */
    readonly bookingId?: string,
    /** A refused spreadsheet: every problem by row and column. */
    readonly problems?: string[],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The booking a refusal says the person already holds (一人一位), for a way to open it; null otherwise. */
export function heldBookingId(err: unknown): string | null {
  return err instanceof ApiError && err.code === 'already_booked' ? (err.bookingId ?? null) : null
}

/** Any error, as one Chinese sentence for a person: the server's message when it sent one. */
export function cleanError(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return '出了点问题，请稍后再试'
}
