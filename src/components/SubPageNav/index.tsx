import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import './index.scss'
import { Button } from '@/components/Button'
import { goBackOr } from '@/lib/navigate'

export const HOME_PATH = '/pages/facilities/index'

/** 首页: the first tab, whatever the page stack holds (a shared link opens a sub-page with nothing under it). */
export const goHome = () => Taro.switchTab({ url: HOME_PATH }).catch(() => undefined)

/** ‹ 返回: the page underneath, or 首页 when the page was opened directly (a link, a reload). */
export const goBack = () => goBackOr(goHome)

/**
 * H5 only: a browser shows no WeChat capsule, so a sub-page (everything under /packages/) carries its own
 * 返回 and 首页. Tab pages have the tab bar instead.
 */
export function SubPageNav() {
  const path = useRouter().path ?? ''
  if (process.env.TARO_ENV !== 'h5' || !path.includes('/packages/')) return null
  return (
    <View className='sub-page-nav' role='navigation' aria-label='页面导航'>
      <Button className='tap button sub-page-nav__back' onClick={goBack}>
        ‹ 返回
      </Button>
      <Button className='tap button sub-page-nav__home' onClick={goHome}>
        首页
      </Button>
    </View>
  )
}
