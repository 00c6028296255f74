import type { User } from '@shared/auth'
import { create } from 'zustand'
import { isBoolean, readStored, writeStored } from '@/lib/storage'

const KEY = 'doorstep.session'
const SIGNED_OUT_KEY = 'doorstep.signedOut'
type StoredSession = { token: string; user: User } | null

/** Only the token is ever read back (the user is what the sign-in answered); a stored value without one is none. */
const isStoredSession = (value: unknown): value is StoredSession =>
  typeof value === 'object' && value !== null && typeof (value as { token?: unknown }).token === 'string'

interface SessionState {
  session: StoredSession
  /** 退出登录 was tapped: nothing signs in again by itself until 登录 is tapped. */
  signedOut: boolean
  setSession: (session: StoredSession) => void
  setSignedOut: (signedOut: boolean) => void
}

const useSessionStore = create<SessionState>((set) => ({
  session: readStored(KEY, isStoredSession, null),
  signedOut: readStored(SIGNED_OUT_KEY, isBoolean, false),
  setSession: (session) => {
    writeStored(KEY, session)
    set({ session })
  },
  setSignedOut: (signedOut) => {
    writeStored(SIGNED_OUT_KEY, signedOut)
    set({ signedOut })
  },
}))

export const currentToken = (): string | null => useSessionStore.getState().session?.token ?? null
/** For code outside components (the API layer) that signs in again. */
export const saveSession = (session: StoredSession): void => useSessionStore.getState().setSession(session)
export const useSignedOut = (): boolean => useSessionStore((s) => s.signedOut)
export const isSignedOut = (): boolean => useSessionStore.getState().signedOut
export const setSignedOut = (signedOut: boolean): void => useSessionStore.getState().setSignedOut(signedOut)
