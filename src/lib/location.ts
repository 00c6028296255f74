import Taro from '@tarojs/taro'
import type { Position } from '@/stores/location'

export type PositionResult = { ok: true; position: Position } | { ok: false; message: string }

/** Asks for the resident's position at the moment they want distances; a refusal keeps the list usable. */
export async function requestPosition(): Promise<PositionResult> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { ok: true, position: { lat: latitude, lng: longitude } }
  } catch {
    return { ok: false, message: '没有获得您的位置，仍按名称排序。可在设置中允许使用位置。' }
  }
}
