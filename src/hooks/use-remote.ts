import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { cleanError } from '@/api/api-error'

export interface Remote<T> {
  data: T | undefined
  error: string | null
  loading: boolean
  reload: () => Promise<void>
}

/**
 * Server data for a screen: loads when `key` changes, keeps the last data while reloading, and ignores
 * answers that arrive after a newer request started.
 */
export function useRemote<T>(load: () => Promise<T>, key: string): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    // The answer is drawn as a transition: React then draws it in slices of a few milliseconds and keeps the page
    // answering taps. Drawn at once, each answer (the directory, 公告, my bookings) was a long task of 50–270 ms on a
    // slow phone's CPU, just as the resident begins to tap.
    const settle = (settled: () => void) => {
      if (ticket !== latest.current) return
      startTransition(() => {
        settled()
        setLoading(false)
      })
    }
    try {
      const value = await loadRef.current()
      settle(() => setData(value))
    } catch (err) {
      const message = cleanError(err)
      settle(() => setError(message))
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [key, reload])

  return { data, error, loading, reload }
}
