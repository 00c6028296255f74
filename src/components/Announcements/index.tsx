import { Text, View } from '@tarojs/components'
import { ANNOUNCEMENT_KIND_NAMES } from '@shared/announcement-names'
import type { MyAnnouncements } from '@shared/announcement'
import { useEffect, useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchMyAnnouncements, markAnnouncementRead } from '@/api/announcements'
import { Button } from '@/components/Button'
import { StatusLine } from '@/components/StatusLine'
import { roleProps } from '@/components/a11y'
import { navigateTo } from '@/lib/navigate'
import './index.scss'

/**
 * 公告 on the first screen: what the district and the resident's street office published for them, until they tap
 * 知道了. Nothing shows while it loads or if it cannot (the first screen is for finding services).
 */
export function Announcements() {
  const [data, setData] = useState<MyAnnouncements | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    fetchMyAnnouncements().then(
      (d) => live && setData(d),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])

  // Read unparsed (main package): anything but a list of announcements shows nothing rather than breaking the screen.
  if (!data || !Array.isArray(data.items) || data.items.length === 0) return null
  const read = async (id: string) => {
    if (busy) return
    setBusy(id)
    setFailure(null)
    try {
      setData(await markAnnouncementRead(id))
    } catch (err) {
      setFailure(cleanError(err))
    } finally {
      setBusy(null)
    }
  }
  return (
    <View {...roleProps('region', '公告')}>
      {data.items.map((a) => (
        <View key={a.id} className='card announcement'>
          <Text className='section-title'>
            <Text className='announcement__kind'>{ANNOUNCEMENT_KIND_NAMES[a.kind]}</Text>
            {a.title}
          </Text>
          <Text className='announcement__body'>{a.body}</Text>
          <Text className='muted announcement__from'>
            {a.from} · {a.publishedAt.slice(0, 10)}
          </Text>
          <View className='announcement__actions'>
            <Button className='tap button' loading={busy === a.id} onClick={() => read(a.id)}>
              知道了
            </Button>
          </View>
        </View>
      ))}
      <StatusLine text={failure} />
      {!data.community && (
        <Button className='tap button announcements__community' onClick={() => navigateTo({ url: '/packages/member/community/index' })}>
          设置我住的社区，看本街道的公告
        </Button>
      )}
    </View>
  )
}
