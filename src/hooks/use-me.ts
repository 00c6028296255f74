import type { Me } from '@shared/auth'
import { fetchMe } from '@/api/auth'
import { withSession } from '@/api/session'
import { type Remote, useRemote } from './use-remote'

/** The signed-in resident, signing in first when needed and once more when the session has expired. */
export function useMe(): Remote<Me> {
  return useRemote(() => withSession(fetchMe), 'me')
}
