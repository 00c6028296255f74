import { type PropsWithChildren, useEffect } from 'react'
import { preloadPages } from '@/lib/preload-pages'
import { listenForPrivacyPrompts } from '@/stores/privacy-prompt'
import './app.scss'

// After the first screen has loaded and had the network and the CPU to itself for a while: on a slow phone, parsing
// every page's code while the first screen is still coming up made it later by a second.
const PRELOAD_AFTER_MS = 4000

function whenLoaded(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const start = () => {
    timer = setTimeout(run, PRELOAD_AFTER_MS)
  }
  if (document.readyState === 'complete') start()
  else window.addEventListener('load', start, { once: true })
  return () => {
    window.removeEventListener('load', start)
    clearTimeout(timer)
  }
}

function App({ children }: PropsWithChildren) {
  useEffect(() => {
    listenForPrivacyPrompts()
    if (process.env.TARO_ENV !== 'h5') return
    return whenLoaded(preloadPages)
  }, [])
  return children
}

export default App
