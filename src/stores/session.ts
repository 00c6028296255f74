import { userSchema } from '@shared/auth'
import { z } from 'zod'
import { create } from 'zustand'
import { readStored, writeStored } from '@/lib/storage'

const KEY = 'doorstep.session'
const SIGNED_OUT_KEY = 'doorstep.signedOut'
const storedSessionSchema = z.object({ token: z.string(), user: userSchema }).nullable()
type StoredSession = z.infer<typeof storedSessionSchema>

interface SessionState {
  session: StoredSession
  /** 退出登录 was tapped: nothing signs in again by itself until 登录 is tapped. */
  signedOut: boolean
  setSession: (session: StoredSession) => void
  setSignedOut: (signedOut: boolean) => void
}

const useSessionStore = create<SessionState>((set) => ({
  session: readStored(KEY, storedSessionSchema, null),
  signedOut: readStored(SIGNED_OUT_KEY, z.boolean(), false),
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
