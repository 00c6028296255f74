import { userSchema } from '@shared/auth'
import { z } from 'zod'
import { create } from 'zustand'
import { readStored, writeStored } from '@/lib/storage'

const KEY = 'doorstep.session'
const storedSessionSchema = z.object({ token: z.string(), user: userSchema }).nullable()
type StoredSession = z.infer<typeof storedSessionSchema>

interface SessionState {
  session: StoredSession
  setSession: (session: StoredSession) => void
}

const useSessionStore = create<SessionState>((set) => ({
  session: readStored(KEY, storedSessionSchema, null),
  setSession: (session) => {
    writeStored(KEY, session)
    set({ session })
  },
}))

export const currentToken = (): string | null => useSessionStore.getState().session?.token ?? null
/** For code outside components (the API layer) that signs in again. */
export const saveSession = (session: StoredSession): void => useSessionStore.getState().setSession(session)
