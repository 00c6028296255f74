import type { ReactNode } from 'react'
import type { Remote } from '@/hooks/use-remote'
import { StateView } from '@/components/StateView'

interface RemoteContentProps<T> {
  remote: Remote<T>
  loadingText?: string
  /** What to show instead when the data is there but empty; null when it is not empty. */
  empty?: (data: T) => ReactNode | null
  children: (data: T) => ReactNode
}

/** Server data on a screen: the error with a retry, the loading state, the empty state, or the content. */
export function RemoteContent<T>({ remote, loadingText, empty, children }: RemoteContentProps<T>) {
  if (remote.error && !remote.loading) return <StateView kind='error' text={remote.error} onRetry={remote.reload} />
  if (remote.data === undefined) return <StateView kind='loading' text={loadingText} />
  return <>{empty?.(remote.data) ?? children(remote.data)}</>
}
