import { z } from 'zod'
import { create } from 'zustand'
import { readStored, writeStored } from '@/lib/storage'

const KEY = 'doorstep.elderMode'

interface ElderModeState {
  enabled: boolean
  setEnabled: (enabled: boolean) => void
}

// 长辈版 is remembered on this device: whoever turned it on should not have to find it again.
const useElderModeStore = create<ElderModeState>((set) => ({
  enabled: readStored(KEY, z.boolean(), false),
  setEnabled: (enabled) => {
    writeStored(KEY, enabled)
    set({ enabled })
  },
}))

export const useElderMode = (): boolean => useElderModeStore((s) => s.enabled)
export const useSetElderMode = (): ((enabled: boolean) => void) => useElderModeStore((s) => s.setEnabled)
