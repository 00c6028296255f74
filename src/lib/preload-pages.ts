interface TaroRoute {
  /** Taro's H5 route loader: starts loading the page's code and returns [promise, …]. */
  load?: () => unknown
}

/**
 * H5 only. Taro loads each page's code from the server the first time the page is opened; once the network is gone
 * (a lift, a tunnel, the server restarting) a tap on a facility card or a tab then loads nothing and the screen does
 * not change — no message, no way on. Soon after start, fetch every page's code so that opening a page never needs
 * the network; the page itself then says that the network is down and offers 重试.
 */
export function preloadPages(): void {
  const config = (window as { __taroAppConfig?: { routes?: TaroRoute[] } }).__taroAppConfig
  for (const route of config?.routes ?? []) {
    try {
      const loading = route.load?.()
      const promise = Array.isArray(loading) ? loading[0] : loading
      if (promise instanceof Promise) promise.catch(() => undefined)
    } catch {
      // A page whose code could not be fetched now is fetched when it is opened, as before.
    }
  }
}
