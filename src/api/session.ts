import { currentToken, saveSession } from '@/stores/session'
import { isExpiredSession, signIn } from './auth'

/**
 * Runs a call that needs the resident's session: signs in first when there is none, and once more when the
 * stored one has expired.
 */
export async function withSession<T>(call: (token: string) => Promise<T>): Promise<T> {
  const stored = currentToken()
  if (stored) {
    try {
      return await call(stored)
    } catch (err) {
      if (!isExpiredSession(err)) throw err
      saveSession(null)
    }
  }
  const { token, user } = await signIn()
  saveSession({ token, user })
  return call(token)
}
