import Taro from '@tarojs/taro'
import type { Position } from '@/stores/location'
import { wgs84ToGcj02 } from './gcj02'

export type PositionResult = { ok: true; position: Position } | { ok: false; message: string }

/**
 * Where the phone is, in GCJ-02: the datum of WeChat's maps and of every position the API stores and expects.
 * WeChat gives GCJ-02 itself; Taro's H5 `getLocation` supports only `wgs84` (any other type fails at once), so
 * the browser's position is converted here.
 */
export async function currentPosition(): Promise<Position> {
  if (process.env.TARO_ENV === 'h5') {
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
    return wgs84ToGcj02({ lat: latitude, lng: longitude })
  }
  const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
  return { lat: latitude, lng: longitude }
}

/** Asks for the resident's position at the moment they want distances; a refusal keeps the list usable. */
export async function requestPosition(): Promise<PositionResult> {
  try {
    return { ok: true, position: await currentPosition() }
  } catch {
    return { ok: false, message: '没有获得您的位置，仍按名称排序。可在设置中允许使用位置。' }
  }
}
