import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useMemo } from 'react'
import { SubPageNav } from '@/components/SubPageNav'
import { fontScaleFactor } from '@/hooks/use-font-scale'
import { useElderMode } from '@/stores/elder-mode'
import './index.scss'

// Root text size in design px (750 wide): 30 → 15 CSS px; 长辈版 40 → 20 CSS px (≥ 18 pt, 适老化规范).
const BASE_SIZE = 30
const ELDER_SIZE = 40

/** Every screen's root: applies 长辈版 and WeChat's font scale; all text inside is sized in em. */
export function Page({ children }: { children: ReactNode }) {
  const elder = useElderMode()
  const scale = useMemo(fontScaleFactor, [])
  const size = Math.round((elder ? ELDER_SIZE : BASE_SIZE) * scale)
  return (
    <View
      className={elder ? 'page page--elder' : 'page'}
      style={{ fontSize: Taro.pxTransform(size) }}
      data-elder={elder ? 'on' : 'off'}
    >
      <SubPageNav />
      {children}
    </View>
  )
}
