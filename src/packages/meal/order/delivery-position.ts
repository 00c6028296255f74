import Taro from '@tarojs/taro'

export type PickedPlace = { ok: true; lat: number; lng: number; address?: string } | { ok: false; message: string }

/**
 * Where the meal goes. WeChat lets the resident pick the place on a map (a relative may order from elsewhere);
 * the browser build can only use where the phone is now.
 */
export async function pickDeliveryPlace(): Promise<PickedPlace> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const place = await Taro.chooseLocation({})
      return { ok: true, lat: place.latitude, lng: place.longitude, address: place.address || place.name }
    }
    const here = await Taro.getLocation({ type: 'gcj02' })
    return { ok: true, lat: here.latitude, lng: here.longitude }
  } catch {
    return { ok: false, message: '没有获得送餐位置，可以改选堂食或自取' }
  }
}
