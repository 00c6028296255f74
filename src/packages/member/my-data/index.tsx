import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AccountExport } from '@shared/account'
import { STATUS_NAMES } from '@shared/booking'
import { useState } from 'react'
import { deleteMyAccount, fetchMyData } from '@/api/account'
import { ApiError, cleanError } from '@/api/api-error'
import { Button } from '@/components/Button'
import { ConfirmBox } from '@/components/ConfirmBox'
import { Page } from '@/components/Page'
import { CHILD_RULES_PAGE, PRIVACY_POLICY_PAGE, PolicyLink } from '@/components/PolicyLink'
import { RemoteContent } from '@/components/RemoteContent'
import { StateView } from '@/components/StateView'
import { StatusLine } from '@/components/StatusLine'
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh'
import { useRemote } from '@/hooks/use-remote'
import { dayAndClock, dayName } from '@/lib/dates'
import { saveJson } from './save-json'
import './index.scss'

const SHOWN = 20

/** 我的数据: everything held about the account, readable and downloadable; and 注销账号. */
export default function MyDataPage() {
  const data = useRemote(fetchMyData, 'my-data')
  const [deleted, setDeleted] = useState(false)
  usePullToRefresh(data.reload)
  if (deleted) {
    return (
      <Page title='我的数据'>
        <StateView kind='empty' text='账号已注销：您和家人的信息已删除。感谢您使用家门口。' />
        <Button className='tap button button--primary data__action' onClick={() => Taro.switchTab({ url: '/pages/facilities/index' })}>
          返回首页
        </Button>
      </Page>
    )
  }
  return (
    <Page title='我的数据'>
      <RemoteContent remote={data} loadingText='正在整理您的数据…'>
        {(d) => <AccountDataView data={d} />}
      </RemoteContent>
      <DeleteAccount onDeleted={() => setDeleted(true)} />
    </Page>
  )
}

function AccountDataView({ data }: { data: AccountExport }) {
  const [message, setMessage] = useState<string | null>(null)
  const download = async () => {
    setMessage(null)
    try {
      const how = await saveJson(`家门口-我的数据-${data.exportedAt.slice(0, 10)}.json`, data)
      setMessage(how === 'saved' ? '已下载到本机' : '已发送')
    } catch (err) {
      setMessage(cleanError(err))
    }
  }
  return (
    <View>
      <View className='card'>
        <Text className='section-title'>账号</Text>
        <Text className='data__line'>账号编号：{data.account.id}</Text>
        <Text className='data__line'>注册时间：{dayAndClock(data.account.createdAt)}</Text>
        <Text className='data__line'>我住的社区：{data.community ? `${data.community.street} ${data.community.name}` : '没有填写'}</Text>
        <Text className='muted data__line'>
          家人 {data.members.length} 位 · 预约 {data.bookings.length} 个 · 评价 {data.ratings.length} 条 · 候补 {data.waitlist.length} 个 · 消息 {data.notices.length} 条 · 意见 {data.feedback.length} 条 · 家政申请 {data.homeServices.length} 条 · 需求征集 {data.surveyAnswers.length} 份
        </Text>
        <Button className='tap button button--primary data__action' onClick={download}>
          下载全部数据（JSON 文件）
        </Button>
        <StatusLine text={message} />
      </View>

      <View className='card'>
        <Text className='section-title'>家庭成员</Text>
        {data.members.length === 0 && <Text className='muted data__line'>没有登记家人</Text>}
        {data.members.map((m) => (
          <Text key={m.id} className='data__line'>
            {m.name}（{m.relation}）{m.birthDate ? ` · ${m.birthDate} 出生` : ''}
            {m.address ? ` · 送餐地址：${m.address}` : ''}
            {m.dietNotes ? ` · 饮食：${m.dietNotes}` : ''}
            {m.allergies ? ` · 过敏：${m.allergies}` : ''}
          </Text>
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>您给出的同意</Text>
        {data.consents.length === 0 && <Text className='muted data__line'>没有记录</Text>}
        {data.consents.map((c) => (
          <Text key={`${c.memberId}-${c.kind}`} className='data__line'>
            {dayAndClock(c.at)} · {c.memberName} · {c.kind === 'child' ? '监护人同意（儿童信息）' : '信息使用说明'}（版本 {c.version}）
          </Text>
        ))}
        <PolicyLink page={PRIVACY_POLICY_PAGE} />
        <PolicyLink page={CHILD_RULES_PAGE} />
      </View>

      <View className='card'>
        <Text className='section-title'>预约记录</Text>
        {data.bookings.length === 0 && <Text className='muted data__line'>没有预约</Text>}
        {data.bookings.slice(0, SHOWN).map((b) => (
          <Text key={b.id} className='data__line'>
            {dayName(b.date)} · {b.facilityName.replace(/嵌入式服务设施$/, '')} · {b.service} · {STATUS_NAMES[b.status]}
          </Text>
        ))}
        {data.bookings.length > SHOWN && <Text className='muted data__line'>这里显示最近 {SHOWN} 个，下载的文件里有全部 {data.bookings.length} 个</Text>}
      </View>
    </View>
  )
}

/** 注销账号: asked in the page, with what it means; refused by the server (with why) while a booking is to be served. */
function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<{ text: string; bookingsLeft: boolean } | null>(null)
  const confirm = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await deleteMyAccount()
      onDeleted()
    } catch (err) {
      setFailure({ text: cleanError(err), bookingsLeft: err instanceof ApiError && err.code === 'account_has_bookings' })
      setAsking(false)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card'>
      <Text className='section-title'>注销账号</Text>
      <Text className='muted data__line'>
        注销后，您的账号、家人信息和消息会被删除，无法恢复；已完成的预约只保留不能识别您的统计信息。有尚未完成的预约时，请先取消。
      </Text>
      {asking ? (
        <ConfirmBox question='确定注销账号吗？注销后无法恢复。' confirm='确定注销' decline='不注销' busy={busy} onConfirm={confirm} onDecline={() => setAsking(false)} />
      ) : (
        <Button className='tap button data__action data__delete' onClick={() => setAsking(true)}>
          注销账号
        </Button>
      )}
      <StatusLine text={failure?.text ?? null} />
      {failure?.bookingsLeft && (
        <Button className='tap button data__action' onClick={() => Taro.switchTab({ url: '/pages/bookings/index' })}>
          查看我的预约
        </Button>
      )}
    </View>
  )
}
