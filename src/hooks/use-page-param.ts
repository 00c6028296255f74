import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

/**
 * A query parameter of the page as its address says now. WeChat gives every page its own parameters. Taro's H5
 * router does not always: going back, or editing the address of a page that is in the history twice (a facility
 * opened from another facility), shows an earlier instance of the same page — found by path, the query ignored —
 * with its old parameters. So on H5 the parameter is read again from the address each time the page shows.
 */
export function usePageParam(name: string): string {
  const routed = useRouter().params[name] ?? ''
  const [shown, setShown] = useState<string | null>(null)
  useDidShow(() => {
    if (process.env.TARO_ENV === 'h5') setShown(addressParam(name))
  })
  return shown ?? routed
}

/** The parameter in the browser's address: the query after the hash route (hash routing), else the search. */
function addressParam(name: string): string | null {
  const hash = window.location.hash
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?')) : window.location.search
  return new URLSearchParams(query).get(name)
}
