import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { cleanError } from '@/api/api-error'
import { fetchCommunities, fetchMyCommunity, saveMyCommunity } from '@/api/announcement-admin'
import { Button } from '@/components/Button'
import { OptionGroup } from '@/components/OptionGroup'
import { Page } from '@/components/Page'
import { RemoteContent } from '@/components/RemoteContent'
import { StatusLine } from '@/components/StatusLine'
import { useRemote } from '@/hooks/use-remote'
import './index.scss'

const NOT_SAID = 'none'

/** 我住的社区: where the resident lives, so that the street office's 公告 reach them. Nothing else uses it. */
export default function CommunityPage() {
  const choices = useRemote(async () => {
    const [communities, mine] = await Promise.all([fetchCommunities(), fetchMyCommunity()])
    return { communities, current: mine.community?.id ?? NOT_SAID }
  }, 'my-community')
  return (
    <Page title='我住的社区'>
      <RemoteContent remote={choices}>{(c) => <CommunityForm communities={c.communities} current={c.current} />}</RemoteContent>
    </Page>
  )
}

function CommunityForm({ communities, current }: { communities: { id: string; name: string; street: string }[]; current: string }) {
  const [chosen, setChosen] = useState(current)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    if (busy) return
    setBusy(true)
    setMessage(null)
    try {
      const saved = await saveMyCommunity(chosen === NOT_SAID ? null : chosen)
      setMessage(saved.community ? `已保存：${saved.community.street} ${saved.community.name}` : '已保存：不指定社区')
    } catch (err) {
      setMessage(cleanError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      <View className='card'>
        <Text className='section-title'>您住在哪个社区</Text>
        <Text className='muted community__line'>街道办事处发给本街道各社区的公告会显示在「服务」首页。只用于显示公告，可以随时改。</Text>
        <OptionGroup
          label='您住在哪个社区'
          vertical
          options={[{ value: NOT_SAID, label: '不指定（只看全区的公告）' }, ...communities.map((c) => ({ value: c.id, label: c.name, sub: c.street }))]}
          value={chosen}
          onChange={setChosen}
        />
      </View>
      <StatusLine text={message} />
      <Button className='tap button button--primary community__action' loading={busy} onClick={save}>
        保存
      </Button>
      <Button className='tap button community__action' onClick={() => Taro.switchTab({ url: '/pages/facilities/index' })}>
        回到首页
      </Button>
    </View>
  )
}
