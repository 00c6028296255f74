import { type PropsWithChildren, useEffect } from 'react'
import 'dayjs/locale/zh-cn'
import dayjs from 'dayjs'
import { preloadPages } from '@/lib/preload-pages'
import './app.scss'

dayjs.locale('zh-cn')

// After the first screen has had the network to itself.
const PRELOAD_AFTER_MS = 1500

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const timer = setTimeout(preloadPages, PRELOAD_AFTER_MS)
    return () => clearTimeout(timer)
  }, [])
  return children
}

export default App
