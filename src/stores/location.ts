import { create } from 'zustand'

export type Position = { lat: number; lng: number }

interface LocationState {
  /** Where the resident is, once they allowed it for this visit; never stored on the device or the server. */
  position: Position | null
  setPosition: (position: Position | null) => void
}

const useLocationStore = create<LocationState>((set) => ({
  position: null,
  setPosition: (position) => set({ position }),
}))

export const usePosition = (): Position | null => useLocationStore((s) => s.position)
export const useSetPosition = (): LocationState['setPosition'] => useLocationStore((s) => s.setPosition)
