import { Text, Textarea, View } from '@tarojs/components'
import { ANNOUNCEMENT_BODY, ANNOUNCEMENT_KINDS, ANNOUNCEMENT_KIND_NAMES, type Announcement, type AnnouncementKind, announcementCreateSchema } from '@shared/announcement'
import { useState } from 'react'
import { fetchGovernedAnnouncements, publishAnnouncement, withdrawAnnouncement } from '@/api/announcement-admin'
import { Button } from '@/components/Button'
import { ConfirmBox } from '@/components/ConfirmBox'
import { OptionGroup } from '@/components/OptionGroup'
import { RemoteContent } from '@/components/RemoteContent'
import { TextField } from '@/components/TextField'
import { fieldLabel, roleProps } from '@/components/a11y'
import { useRemote } from '@/hooks/use-remote'
import { typedDate } from '@/lib/dates'
import { StatusMessage } from './StatusMessage'
import { useSubmit } from '@/hooks/use-submit'

const EVERYONE = 'district'

/** 公告: published to the district's communities or one street's, shown on residents' first screen until read. */
export function AnnouncementsCard({ streets }: { streets: { id: string; name: string }[] }) {
  const items = useRemote(fetchGovernedAnnouncements, 'admin-announcements')
  // A street office writes to its street; the district (which sees every street) may write to everyone.
  const [scope, setScope] = useState<string | undefined>(streets.length === 1 ? streets[0].id : undefined)
  const [kind, setKind] = useState<AnnouncementKind>('policy')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [untilOn, setUntilOn] = useState('')
  const { busy, message, setMessage, fieldErrors, check } = useSubmit(items.reload)

  const publish = () => {
    if (!scope) return setMessage({ kind: 'error', text: '请选择发给谁' })
    return check(
      announcementCreateSchema.safeParse({ kind, title, body, untilOn: typedDate(untilOn) ?? untilOn, ...(scope === EVERYONE ? {} : { streetId: scope }) }),
      async (input) => {
        await publishAnnouncement(input)
        setTitle('')
        setBody('')
      },
      '已发布，居民会在「服务」首页看到',
    )
  }

  return (
    <View className='card' {...roleProps('region')} aria-label='公告'>
      <Text className='section-title'>公告</Text>
      <Text className='muted admin__line'>发给居民的政策、新设施、价格调整等，显示在他们的首页，直到点「知道了」或过了展示截止日期。</Text>
      {streets.length > 1 && (
        <OptionGroup
          label='发给谁'
          options={[{ value: EVERYONE, label: '全区所有社区' }, ...streets.map((s) => ({ value: s.id, label: s.name }))]}
          value={scope}
          onChange={setScope}
        />
      )}
      <OptionGroup label='类型' options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: ANNOUNCEMENT_KIND_NAMES[k] }))} value={kind} onChange={setKind} />
      <TextField label='标题' value={title} onChange={setTitle} maxLength={40} error={fieldErrors.title} />
      <Text className='text-field__label'>内容</Text>
      <Textarea className='admin__answer' value={body} maxlength={ANNOUNCEMENT_BODY.max} {...fieldLabel('内容', Boolean(fieldErrors.body))} onInput={(e) => setBody(e.detail.value)} />
      {fieldErrors.body && (
        <View className='text-field__error' {...roleProps('alert')}>
          {fieldErrors.body}
        </View>
      )}
      <TextField label='展示截止日期' value={untilOn} onChange={setUntilOn} maxLength={10} placeholder='例如 2027-01-31' error={fieldErrors.untilOn} />
      <Button className='tap button button--primary' disabled={busy} onClick={publish}>
        发布公告
      </Button>
      <StatusMessage message={message} />
      <RemoteContent remote={items} empty={(list) => (list.length === 0 ? <Text className='muted admin__line'>还没有发布过公告</Text> : null)}>
        {(list) => (
          <View>
            {list.map((a) => (
              <AnnouncementLine key={a.id} item={a} onChanged={items.reload} />
            ))}
          </View>
        )}
      </RemoteContent>
    </View>
  )
}

function AnnouncementLine({ item, onChanged }: { item: Announcement; onChanged: () => Promise<unknown> }) {
  const { busy, message, run } = useSubmit(onChanged)
  const [confirming, setConfirming] = useState(false)
  return (
    <View className='admin__feedback'>
      <Text className='admin__line'>
        {ANNOUNCEMENT_KIND_NAMES[item.kind]} · {item.title} · 发给{item.from === '区里' ? '全区' : item.from} · {item.publishedAt.slice(0, 10)} 至 {item.untilOn} ·{' '}
        {item.withdrawnAt ? `已撤回（${item.withdrawnAt.slice(0, 10)}）` : `${item.reads ?? 0} 人已读`}
      </Text>
      {!item.withdrawnAt &&
        (confirming ? (
          <ConfirmBox
            question={`撤回后居民首页不再显示「${item.title}」，确定撤回吗？`}
            confirm='确定撤回'
            decline='先不撤回'
            busy={busy}
            onConfirm={() => run(() => withdrawAnnouncement(item.id), '已撤回').then(() => setConfirming(false))}
            onDecline={() => setConfirming(false)}
          />
        ) : (
          <Button className='tap button' disabled={busy} onClick={() => setConfirming(true)}>
            撤回
          </Button>
        ))}
      <StatusMessage message={message} />
    </View>
  )
}
