import Taro from '@tarojs/taro'
import { shortFacilityName } from '@shared/facility-names'
import type { BookableServiceCode } from '@shared/services'
import { fetchFacility } from '@/api/facility-detail'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/use-remote'
import { bookingPageUrl } from '@/lib/booking-pages'
import { formatDistance } from '@/lib/format'

/**
 * A booking page opened for a facility where the service has nothing to book (a shared link, an old bookmark, a
 * reserve project): what is not open, and the way on — the same page at the nearest facility where it is, as the
 * server finds it.
 */
export function NotOpenHere({ facilityId, service, text }: { facilityId: string; service: BookableServiceCode; text: string }) {
  const facility = useRemote(() => fetchFacility(facilityId), `facility|${facilityId}`)
  const nearest = facility.data?.services.find((s) => s.code === service)?.nearest
  if (!nearest) return <StateView kind='empty' text={text} hint={facility.loading ? undefined : '附近也还没有设施开放这项服务'} />
  const name = shortFacilityName(nearest.name)
  return (
    <StateView
      kind='empty'
      text={text}
      hint={`离这里最近、可以预约的是${name}（约 ${formatDistance(nearest.distanceM)}）`}
      action={{
        label: `去${name}预约`,
        onTap: () => Taro.redirectTo({ url: bookingPageUrl(service, nearest.facilityId) }),
      }}
    />
  )
}
