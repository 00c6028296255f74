import Taro from '@tarojs/taro'
import { useState } from 'react'
import { create } from 'zustand'
import { isBoolean, readStored, writeStored } from '@/lib/storage'

const KEY = 'doorstep.elderMode'
const OFFERED_KEY = 'doorstep.elderOffered'

interface ElderModeState {
  enabled: boolean
  /** 长辈版 was offered on this device once (taken or not): it is not offered again. */
  offered: boolean
  setEnabled: (enabled: boolean) => void
  setOffered: () => void
}

// 长辈版 is remembered on this device: whoever turned it on should not have to find it again.
const useElderModeStore = create<ElderModeState>((set) => ({
  enabled: readStored(KEY, isBoolean, false),
  offered: readStored(OFFERED_KEY, isBoolean, false),
  setEnabled: (enabled) => {
    writeStored(KEY, enabled)
    writeStored(OFFERED_KEY, true)
    set({ enabled, offered: true })
  },
  setOffered: () => {
    writeStored(OFFERED_KEY, true)
    set({ offered: true })
  },
}))

export const useElderMode = (): boolean => useElderModeStore((s) => s.enabled)
export const useSetElderMode = (): ((enabled: boolean) => void) => useElderModeStore((s) => s.setEnabled)

// WeChat's 字体大小 in px (standard 16–17) and 关怀模式's scale: from here on, the resident reads large text.
const LARGE_FONT_PX = 20
const LARGE_SCALE = 1.15

/** Whether WeChat's own settings say the resident reads large text (wx.getAppBaseInfo: fontSizeSetting, fontSizeScaleFactor). */
export function wechatTextIsLarge(): boolean {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeSetting?: number; fontSizeScaleFactor?: number } | undefined
    return (info?.fontSizeSetting ?? 0) >= LARGE_FONT_PX || (info?.fontSizeScaleFactor ?? 0) >= LARGE_SCALE
  } catch {
    return false
  }
}

/** On first start, when WeChat's text is large and 长辈版 is off: offer it, once (适老化: the entry on the first screen). */
export function useElderOffer(): { show: boolean; accept: () => void; decline: () => void } {
  const { enabled, offered, setEnabled, setOffered } = useElderModeStore()
  const [large] = useState(wechatTextIsLarge)
  return { show: !enabled && !offered && large, accept: () => setEnabled(true), decline: setOffered }
}
