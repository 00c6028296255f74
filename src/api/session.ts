import { currentToken, isSignedOut, saveSession, setSignedOut } from '@/stores/session'
import { ApiError } from './api-error'
import { apiRequest, serverChecked } from './client'
import { isExpiredSession, signIn } from './auth'

// One sign-in at a time: a screen that loads eight things at once must not open eight sessions (the server keeps a
// few per person and ends the oldest, which would end the ones the other seven calls are using).
let signingIn: ReturnType<typeof signIn> | null = null
function signInOnce(): ReturnType<typeof signIn> {
  signingIn ??= signIn().finally(() => {
    signingIn = null
  })
  return signingIn
}

/**
 * Runs a call that needs the resident's session: signs in first when there is none, and once more when the
 * stored one has expired.
 */
export async function withSession<T>(call: (token: string) => Promise<T>): Promise<T> {
  if (isSignedOut()) throw new ApiError('signed_out', '您已退出登录，请在「我的」页面点「登录」', 401)
  const stored = currentToken()
  if (stored) {
    try {
      return await call(stored)
    } catch (err) {
      if (!isExpiredSession(err)) throw err
      saveSession(null)
    }
  }
  const { token, user } = await signInOnce()
  if (currentToken() !== token) saveSession({ token, user })
  return call(token)
}

/** 退出登录: the server ends the session, this device forgets it and signs in again only when asked to. */
export async function signOut(): Promise<void> {
  const token = currentToken()
  setSignedOut(true)
  saveSession(null)
  if (token) await apiRequest(serverChecked<{ ok: true }>(), '/auth/logout', { method: 'POST', token }).catch(() => undefined)
}

/** 登录 after 退出登录. */
export function signInAgain(): void {
  setSignedOut(false)
}
