import type { BookingRequest } from '@shared/booking'
import type { WaitlistEntry } from '@shared/waitlist'
import { useRef, useState } from 'react'
import { cleanError } from '@/api/api-error'
import { joinWaitlist } from '@/api/booking'

/**
 * After joining, 查看候补 appears where 加入候补 was: the second tap of a double tap must not carry her off to the
 * 预约 tab before she has read 「已加入候补，排第 N 位」. Taps on it are held this long.
 */
export const SETTLE_MS = 700

/** The 加入候补 tap shown when the places are taken: the entry (with its place in line) once joined. */
export function useJoinWaitlist() {
  const [entry, setEntry] = useState<WaitlistEntry | null>(null)
  const [busy, setBusy] = useState(false)
  const [settling, setSettling] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  // A ref: a second tap in the same moment sees it before React re-renders.
  const inFlight = useRef(false)
  const join = async (request: BookingRequest) => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setFailure(null)
    try {
      setEntry(await joinWaitlist(request))
      setSettling(true)
      setTimeout(() => setSettling(false), SETTLE_MS)
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }
  const reset = () => {
    setEntry(null)
    setFailure(null)
  }
  return { entry, busy, settling, failure, join, reset }
}
export type JoinWaitlist = ReturnType<typeof useJoinWaitlist>
