import type { BookingRequest, Quote } from '@shared/booking'
import { useEffect, useState } from 'react'
import { ApiError, cleanError } from '@/api/api-error'

export interface QuoteState {
  quote: Quote | null
  error: string | null
  /** The request field the server refused, when it named one (e.g. `care`: the agreement is needed first). */
  errorField: string | null
  loading: boolean
}

/** The server's price for the current choice, asked again a moment after the choice changes. */
export function useQuote(
  request: BookingRequest | undefined,
  quoteBooking: (request: BookingRequest) => Promise<Quote>,
): QuoteState {
  const [state, setState] = useState<QuoteState>({ quote: null, error: null, errorField: null, loading: false })
  const key = request ? JSON.stringify(request) : ''

  useEffect(() => {
    if (!request) {
      setState({ quote: null, error: null, errorField: null, loading: false })
      return
    }
    let current = true
    setState((prev) => ({ ...prev, loading: true, error: null, errorField: null }))
    const timer = setTimeout(() => {
      quoteBooking(request)
        .then((quote) => current && setState({ quote, error: null, errorField: null, loading: false }))
        .catch(
          (err) =>
            current &&
            setState({ quote: null, error: cleanError(err), errorField: err instanceof ApiError ? (err.field ?? null) : null, loading: false }),
        )
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // The request is compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return state
}
