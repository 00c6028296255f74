import { Text, View } from '@tarojs/components'
import { type QualifiedListPreview, periodName, periodNotEnded } from '@shared/evaluation'
import { useEffect, useRef, useState } from 'react'
import { cleanError } from '@/api/api-error'
import { previewQualifiedList, publishQualifiedList } from '@/api/evaluation'
import { QualifiedOperatorList } from '@/components/QualifiedOperatorList'
import { StatusLine } from '@/components/StatusLine'
import { Button } from '@/components/Button'
import { roleProps } from '@/components/a11y'

interface QualifiedListPublisherProps {
  period: string
  /** The server's word: the period's last day is past. */
  ended: boolean
  /** The period's last day, 'YYYY-MM-DD'. */
  lastDay: string
}

/**
 * 发布合格运营商名单, for district staff only (the page shows it when the server says `canPublish`): an ended period's
 * list is previewed first and published on a second tap that names the period.
 */
export function QualifiedListPublisher({ period, ended, lastDay }: QualifiedListPublisherProps) {
  const [preview, setPreview] = useState<QualifiedListPreview | null>(null)
  const [busy, setBusy] = useState(false)
  // A second tap before the first answer (the state has not re-rendered yet) sends nothing.
  const inFlight = useRef(false)
  const [message, setMessage] = useState<string | null>(null)
  const name = periodName(period)
  // Another period is another list: never confirm a preview drawn for the one chosen before.
  useEffect(() => {
    setPreview(null)
    setMessage(null)
  }, [period])

  const run = async (work: () => Promise<void>) => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setMessage(null)
    try {
      await work()
    } catch (err) {
      setMessage(cleanError(err))
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }
  const showPreview = () => run(async () => setPreview(await previewQualifiedList(period)))
  const publish = () =>
    run(async () => {
      await publishQualifiedList(period)
      setPreview(null)
      setMessage(`已发布 ${name}合格运营商名单，居民现在可以看到`)
    })

  return (
    <View className='card'>
      <Text className='section-title'>合格运营商名单</Text>
      {!ended && <Text className='muted'>{periodNotEnded(period, lastDay)}。请选择已经结束的月份、季度或年度。</Text>}
      {ended && !preview && (
        <Button className='tap button' disabled={busy} onClick={showPreview}>
          {`预览 ${name}合格运营商名单`}
        </Button>
      )}
      {ended && preview && (
        <View>
          <Text className='evaluation__message'>{`预览：${name}合格运营商名单（还没有发布）`}</Text>
          {preview.replaces && (
            <Text className='muted'>这一期的名单已于 {preview.replaces.slice(0, 10)} 发布，确认后以这份为准。</Text>
          )}
          {preview.operators.every((o) => o.verdict === 'insufficient_data') && (
            <View className='evaluation__message' {...roleProps('alert')}>
              {`注意：${name}各运营方的评价都不足 ${preview.criteria.minRatings} 条，名单上将全部是「数据不足，未评定」，没有一家合格。`}
            </View>
          )}
          <QualifiedOperatorList list={preview} />
          <View className='evaluation__actions'>
            <Button className='tap button button--primary' disabled={busy} onClick={publish}>
              {`确认发布 ${name}合格运营商名单`}
            </Button>
            <Button className='tap button' disabled={busy} onClick={() => setPreview(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
      <StatusLine text={message} />
    </View>
  )
}
