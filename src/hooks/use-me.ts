import type { Me } from '@shared/auth'
import { fetchMe, isExpiredSession, signIn } from '@/api/auth'
import { currentToken, useSetSession } from '@/stores/session'
import { type Remote, useRemote } from './use-remote'

/** The signed-in resident, signing in first when needed and once more when the session has expired. */
export function useMe(): Remote<Me> {
  const setSession = useSetSession()

  const load = async (): Promise<Me> => {
    const stored = currentToken()
    if (stored) {
      try {
        return await fetchMe(stored)
      } catch (err) {
        if (!isExpiredSession(err)) throw err
        setSession(null)
      }
    }
    const { token, user } = await signIn()
    setSession({ token, user })
    return fetchMe(token)
  }

  return useRemote(load, 'me')
}
