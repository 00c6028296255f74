import { useCallback, useEffect, useRef, useState } from 'react'
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
    try {
      const value = await loadRef.current()
      if (ticket === latest.current) setData(value)
    } catch (err) {
      if (ticket === latest.current) setError(cleanError(err))
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [key, reload])

  return { data, error, loading, reload }
}
