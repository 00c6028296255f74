import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/** Reloads when the resident comes back to this screen (after booking, cancelling, editing a member). */
export function useReloadOnReturn(reload: () => Promise<unknown>): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
