import Taro from '@tarojs/taro'
import type { z } from 'zod'

/** Reads a stored value through its schema: anything stale or tampered with reads as the fallback. */
export function readStored<S extends z.ZodType>(key: string, schema: S, fallback: z.infer<S>): z.infer<S> {
  try {
    const parsed = schema.safeParse(Taro.getStorageSync(key))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // Storage full or unavailable: the setting lasts for this visit only.
  }
}
