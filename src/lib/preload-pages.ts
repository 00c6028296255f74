interface TaroRoute {
  /** Taro's H5 route loader: starts loading the page's code and returns [promise, …]. */
  load?: () => unknown
}

/** Each page's files, as the build wrote them into js/boot.<hash>.js (config/route-preloads.ts). */
interface RouteFiles {
  base: string
  routes: Record<string, string[]>
}

/**
 * H5 only. Taro loads each page's code from the server the first time the page is opened; once the network is gone
 * (a lift, a tunnel, the server restarting) a tap on a facility card or a tab then loads nothing and the screen does
 * not change — no message, no way on. Soon after start, fetch every page's code so that opening a page never needs
 * the network; the page itself then says that the network is down and offers 重试.
 *
 * Fetched as prefetches into the browser's cache (the files are hashed and cached for good), not run: running every
 * page's modules built every page's schemas on the main thread, a third of a second of a slow phone's CPU just when
 * the resident starts to tap.
 */
export function preloadPages(): void {
  const built = (window as { doorstepRoutes?: RouteFiles }).doorstepRoutes
  if (built) {
    prefetch(built)
    return
  }
  // A build without the map (the development server): load the pages' code the way the router does.
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

function prefetch({ base, routes }: RouteFiles): void {
  const loaded = new Set(Array.from(document.querySelectorAll('script[src], link[href]')).map((el) => el.getAttribute('src') ?? el.getAttribute('href')))
  for (const file of new Set(Object.values(routes).flat())) {
    const href = `${base}${file}`
    if (loaded.has(href)) continue
    const link = document.createElement('link')
    link.rel = 'prefetch'
    link.href = href
    document.head.appendChild(link)
  }
}
