import { useRef, useState } from 'react'
import { cleanError } from '@/api/api-error'

export type Message = { kind: 'ok' | 'error'; text: string } | null

/**
 * A save on the administration screens: one at a time (a ref, so a double tap in the same moment sends once), then
 * `after` (reload what it changed), then the outcome in words. The message may live above the form (`shared`) when
 * the form is rebuilt from what was saved.
 */
export function useSubmit(after: () => Promise<unknown>, shared?: [Message, (m: Message) => void]) {
  const own = useState<Message>(null)
  const [message, setMessage] = shared ?? own
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const run = async (work: () => Promise<unknown>, done: string) => {
    if (sending.current) return
    sending.current = true
    setBusy(true)
    setMessage(null)
    try {
      await work()
      await after()
      setMessage({ kind: 'ok', text: done })
    } catch (err) {
      setMessage({ kind: 'error', text: cleanError(err) })
    } finally {
      sending.current = false
      setBusy(false)
    }
  }
  return { busy, message, setMessage, run }
}
