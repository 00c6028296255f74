import Taro from '@tarojs/taro'
import { currentPosition } from '@/lib/location'

export type PickedPlace = { ok: true; lat: number; lng: number; address?: string } | { ok: false; message: string }

/**
 * Where the meal goes, in GCJ-02 like the facility it is measured from. WeChat lets the resident pick the place on
 * a map (a relative may order from elsewhere; `chooseLocation` answers in GCJ-02); the browser build can only use
 * where the phone is now.
 */
export async function pickDeliveryPlace(): Promise<PickedPlace> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const place = await Taro.chooseLocation({})
      return { ok: true, lat: place.latitude, lng: place.longitude, address: place.address || place.name }
    }
    return { ok: true, ...(await currentPosition()) }
  } catch {
    return { ok: false, message: '没有获得送餐位置，可以改选堂食或自取' }
  }
}
