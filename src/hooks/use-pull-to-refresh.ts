import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pull down to reload; the spinner stops when the data is there (or failed). */
export function usePullToRefresh(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}
