import { useRef, useState } from 'react'
import { ApiError, cleanError } from '@/api/api-error'

export type Message = { kind: 'ok' | 'error'; text: string } | null
/** What is wrong, by the field's path in the contract (`maxUnits`, `hours.0.opens`): said under that field. */
export type FieldErrors = Record<string, string>

type Checked<T> = { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }

/** The contract's issues by field: the first one of each. */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) errors[issue.path.map(String).join('.')] ??= issue.message
  return errors
}

/**
 * A save on the administration screens: one at a time (a ref, so a double tap in the same moment sends once), then
 * `after` (reload what it changed), then the outcome in words. What the server refuses for a field is kept by field,
 * for the form to say under it; the form keeps what was typed. The message may live above the form (`shared`) when
 * the form is rebuilt from what was saved.
 */
export function useSubmit(after: () => Promise<unknown>, shared?: [Message, (m: Message) => void]) {
  const own = useState<Message>(null)
  const [message, setMessage] = shared ?? own
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  /** True once saved (and reloaded); false when refused or already sending. */
  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (sending.current) return false
    sending.current = true
    setBusy(true)
    setMessage(null)
    setFieldErrors({})
    try {
      await work()
      await after()
      setMessage({ kind: 'ok', text: done })
      return true
    } catch (err) {
      if (err instanceof ApiError && err.field) setFieldErrors({ [err.field]: err.message })
      setMessage({ kind: 'error', text: cleanError(err) })
      return false
    } finally {
      sending.current = false
      setBusy(false)
    }
  }
  /** Checks the form with the contract's own schema before anything is sent: the first problem said, each at its field. */
  const check = async <T,>(result: Checked<T>, save: (data: T) => Promise<unknown>, done: string): Promise<boolean> => {
    if (!result.success) {
      setFieldErrors(fieldErrorsOf(result.error.issues))
      setMessage({ kind: 'error', text: result.error.issues[0]?.message ?? '填写有误' })
      return false
    }
    return run(() => save(result.data), done)
  }
  return { busy, message, setMessage, fieldErrors, setFieldErrors, run, check }
}
