import Taro from '@tarojs/taro'

/**
 * Reads a stored value through a check: anything stale or tampered with reads as the fallback. The stores are in the
 * WeChat main package, where zod is not (see `serverChecked` in api/client.ts): a check is a type guard.
 */
export function readStored<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): T {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return isValid(value) ? value : fallback
  } catch {
    return fallback
  }
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // Storage full or unavailable: the setting lasts for this visit only.
  }
}
