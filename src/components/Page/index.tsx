import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useEffect, useMemo } from 'react'
import { PrivacyPrompt } from '@/components/PrivacyPrompt'
import { SubPageNav } from '@/components/SubPageNav'
import { roleProps } from '@/components/a11y'
import { fontScaleFactor } from '@/hooks/use-font-scale'
import { useElderMode } from '@/stores/elder-mode'
import './index.scss'

// Root text size in design px (750 wide): 30 → 15 CSS px; 长辈版 40 → 20 CSS px (≥ 18 pt, 适老化规范).
const BASE_SIZE = 30
const ELDER_SIZE = 40

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * Every screen's root: the main landmark with the page's heading (level 1; in WeChat the navigation bar says it, so
 * it is for screen readers in the browser), 长辈版 and WeChat's font scale; all text inside is sized in em.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const elder = useElderMode()
  const scale = useMemo(fontScaleFactor, [])
  const size = Math.round((elder ? ELDER_SIZE : BASE_SIZE) * scale)
  useEffect(() => {
    if (!IS_H5) return
    // Outside the page, Taro's own tab bar follows 长辈版 too (app.scss), and is the app's navigation landmark.
    document.documentElement.classList.toggle('elder', elder)
    const tabBar = document.querySelector('taro-tabbar')
    if (tabBar && !tabBar.hasAttribute('role')) {
      tabBar.setAttribute('role', 'navigation')
      tabBar.setAttribute('aria-label', '主菜单')
    }
  }, [elder])
  return (
    <View
      className={elder ? 'page page--elder' : 'page'}
      style={{ fontSize: Taro.pxTransform(size) }}
      data-elder={elder ? 'on' : 'off'}
      {...roleProps('main')}
    >
      <SubPageNav />
      {IS_WEAPP && <PrivacyPrompt />}
      {IS_H5 && (
        <View className='visually-hidden' {...roleProps('heading')} aria-level='1'>
          {title}
        </View>
      )}
      {children}
    </View>
  )
}
