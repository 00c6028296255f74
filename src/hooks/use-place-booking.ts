import type { Booking, BookingRequest } from '@shared/booking'
import { useRef, useState } from 'react'
import { ApiError, cleanError, heldBookingId } from '@/api/api-error'
import { newIdempotencyKey } from '@/lib/idempotency'

// Answers after which the menu or the places have changed: the screen reads them again and a new tap is a new try.
const STALE = ['full', 'past_cutoff', 'closed', 'quote_changed', 'age_not_eligible']

/**
 * The confirm tap of a booking screen. One Idempotency-Key per attempt: the same request retried (a lost answer,
 * a second tap) keeps its key, so the server books it once; a changed request, or a refusal that changes the
 * picture, gets a new one. A new attempt at what was booked already (back from 预约成功, 确认预约 again) is
 * refused by the server naming that booking: `held` is its id, for a way to open it.
 */
export function usePlaceBooking(
  place: (request: BookingRequest, idempotencyKey: string) => Promise<Booking>,
  onStale: () => Promise<void>,
) {
  const attempt = useRef<{ body: string; key: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [held, setHeld] = useState<string | null>(null)

  const submit = async (request: BookingRequest, expectedPayableFen: number): Promise<Booking | null> => {
    const body = JSON.stringify(request)
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() }
    setBusy(true)
    setFailure(null)
    setHeld(null)
    try {
      const booking = await place({ ...request, expectedPayableFen }, attempt.current.key)
      attempt.current = null
      return booking
    } catch (err) {
      setFailure(cleanError(err))
      setHeld(heldBookingId(err))
      if (err instanceof ApiError && STALE.includes(err.code)) {
        attempt.current = null
        void onStale()
      }
      return null
    } finally {
      setBusy(false)
    }
  }
  return { submit, busy, failure, held }
}
