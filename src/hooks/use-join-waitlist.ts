import type { BookingRequest } from '@shared/booking'
import type { WaitlistEntry } from '@shared/waitlist'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { joinWaitlist } from '@/api/waitlist'

/** The 加入候补 tap shown when the places are taken: the entry (with its place in line) once joined. */
export function useJoinWaitlist() {
  const [entry, setEntry] = useState<WaitlistEntry | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const join = async (request: BookingRequest) => {
    setBusy(true)
    setFailure(null)
    try {
      setEntry(await joinWaitlist(request))
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  const reset = () => {
    setEntry(null)
    setFailure(null)
  }
  return { entry, busy, failure, join, reset }
}
export type JoinWaitlist = ReturnType<typeof useJoinWaitlist>
