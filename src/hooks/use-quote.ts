import type { BookingRequest, Quote } from '@shared/booking'
import { useEffect, useState } from 'react'
import { ApiError, cleanError, heldBookingId } from '@/api/api-error'

export interface QuoteState {
  quote: Quote | null
  error: string | null
  /** The request field the server refused, when it named one (e.g. `care`: the agreement is needed first). */
  errorField: string | null
  /** The server's code for the refusal (`full`: the page can offer the waitlist; `network`: it could not be asked). */
  errorCode: string | null
  /** The booking the person already holds, when that is the refusal. */
  heldBookingId: string | null
  loading: boolean
  /** Ask again (the network was down). */
  retry: () => void
}

const IDLE: Omit<QuoteState, 'retry'> = { quote: null, error: null, errorField: null, errorCode: null, heldBookingId: null, loading: false }

/** The server's price for the current choice, asked again a moment after the choice changes. */
export function useQuote(
  request: BookingRequest | undefined,
  quoteBooking: (request: BookingRequest) => Promise<Quote>,
): QuoteState {
  const [state, setState] = useState(IDLE)
  const [attempt, setAttempt] = useState(0)
  const key = request ? JSON.stringify(request) : ''

  useEffect(() => {
    if (!request) {
      setState(IDLE)
      return
    }
    let current = true
    setState((prev) => ({ ...prev, loading: true, error: null, errorField: null, errorCode: null, heldBookingId: null }))
    const timer = setTimeout(() => {
      quoteBooking(request)
        .then((quote) => current && setState({ ...IDLE, quote }))
        .catch(
          (err) =>
            current &&
            setState({
              ...IDLE,
              error: cleanError(err),
              errorField: err instanceof ApiError ? (err.field ?? null) : null,
              errorCode: err instanceof ApiError ? err.code : null,
              heldBookingId: heldBookingId(err),
            }),
        )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // The request is compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt])

  return { ...state, retry: () => setAttempt((n) => n + 1) }
}
