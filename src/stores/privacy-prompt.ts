import Taro from '@tarojs/taro'
import { create } from 'zustand'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void

interface PrivacyPromptState {
  /** WeChat holds a privacy-protected call (the first location request) until the resident answers this. */
  pending: Resolve | null
  setPending: (pending: Resolve | null) => void
}

const usePrivacyPromptStore = create<PrivacyPromptState>((set) => ({
  pending: null,
  setPending: (pending) => set({ pending }),
}))

export const usePendingPrivacyPrompt = (): Resolve | null => usePrivacyPromptStore((s) => s.pending)

/** Answers the held call: agreed (with the button WeChat checks was pressed) or not, and puts the prompt away. */
export function answerPrivacyPrompt(option: Taro.onNeedPrivacyAuthorization.ResolveOption): void {
  usePrivacyPromptStore.getState().pending?.(option)
  usePrivacyPromptStore.getState().setPending(null)
}

/**
 * WeChat (with __usePrivacyCheck__) asks the mini-program to show its own privacy prompt before the first call that
 * needs the resident's agreement: the prompt appears on whatever page made the call (see PrivacyPrompt).
 */
export function listenForPrivacyPrompts(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      usePrivacyPromptStore.getState().setPending(resolve)
      resolve({ event: 'exposureAuthorization' })
    })
  } catch {
    // A base library before 2.32.3 has no privacy check, and so nothing to answer.
  }
}
