import { Text, View } from '@tarojs/components'
import type { Facility } from '@shared/facility'
import { pressable } from '@/components/a11y'
import { Button } from '@/components/Button'
import { FunctionTags } from '@/components/FunctionTags'
import { formatDistance } from '@/lib/format'
import { OpenNow } from './OpenNow'
import './index.scss'

interface FacilityCardProps {
  facility: Facility
  onOpen: (id: string) => void
  /** A direct action for the function the list is filtered by, e.g. 订餐. */
  action?: { label: string; onTap: (id: string) => void }
}

/** A facility in the list: the card is a link to its page (Enter opens it); a direct action sits beside, not inside it. */
export function FacilityCard({ facility, onOpen, action }: FacilityCardProps) {
  return (
    <View className='card facility-card'>
      <View className='facility-card__link' {...pressable({ role: 'link', onPress: () => onOpen(facility.id) })}>
        <View className='facility-card__head'>
          <Text className='facility-card__name'>{facility.name}</Text>
          {facility.distanceM !== undefined && (
            <Text className='facility-card__distance'>{formatDistance(facility.distanceM)}</Text>
          )}
        </View>
        <Text className='muted facility-card__street'>
          {facility.street} · {facility.community}
          {facility.isReserve ? ' · 储备项目' : ''}
        </Text>
        <OpenNow facility={facility} />
        <FunctionTags className='facility-card__functions' codes={facility.functions} />
      </View>
      {action && (
        <Button className='tap button button--primary facility-card__action' aria-label={`${action.label} · ${facility.name}`} onClick={() => action.onTap(facility.id)}>
          {action.label}
        </Button>
      )}
    </View>
  )
}
