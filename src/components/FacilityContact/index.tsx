import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Facility } from '@shared/facility'
import './index.scss'
import { Button } from '@/components/Button'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** 高德's marker page takes GCJ-02 (our positions' datum) and hands over to the 高德 app for navigation on a phone. */
export const mapLink = (f: Pick<Facility, 'lat' | 'lng' | 'name'>): string =>
  `https://uri.amap.com/marker?position=${f.lng},${f.lat}&name=${encodeURIComponent(f.name)}&coordinate=gaode&callnative=1`

/**
 * 打电话 and 导航 for a facility: WeChat's own phone call and map (openLocation, GCJ-02) in the mini-program; a
 * `tel:` link and a map link in a browser, which a phone hands to its dialler and its map app.
 */
export function FacilityContact({ facility }: { facility: Pick<Facility, 'name' | 'address' | 'lat' | 'lng' | 'phone' | 'isReserve'> }) {
  const { phone } = facility
  const call = () => phone && Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
  const navigate = () =>
    Taro.openLocation({ latitude: facility.lat, longitude: facility.lng, name: facility.name, address: facility.address, scale: 16 }).catch(
      () => undefined,
    )
  return (
    <View className='facility-contact'>
      {phone ? (
        isWeapp ? (
          <Button className='tap button button--primary facility-contact__action' onClick={call}>
            打电话 {phone}
          </Button>
        ) : (
          <a className='tap button button--primary facility-contact__action' href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
            打电话 {phone}
          </a>
        )
      ) : (
        <Text className='muted facility-contact__none'>联系电话待街道公布</Text>
      )}
      {!facility.isReserve &&
        (isWeapp ? (
          <Button className='tap button facility-contact__action' onClick={navigate}>
            地图导航
          </Button>
        ) : (
          <a className='tap button facility-contact__action' href={mapLink(facility)} target='_blank' rel='noopener noreferrer'>
            地图导航（高德地图）
          </a>
        ))}
    </View>
  )
}
