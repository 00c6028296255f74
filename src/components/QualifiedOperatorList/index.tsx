import { Text, View } from '@tarojs/components'
import { QUALIFIED_VERDICT_NAMES, type QualifiedList } from '@shared/evaluation'
import './index.scss'

const percent = (x: number) => `${(x * 100).toFixed(1)}%`

/** The criteria and every operator of a qualified-operator list, with why one is not on it: as published, or as previewed. */
export function QualifiedOperatorList({ list }: { list: QualifiedList }) {
  return (
    <View>
      <Text className='muted qualified__line'>
        标准：本期至少 {list.criteria.minRatings} 条居民评价，满意率不低于 {percent(list.criteria.minSatisfaction)}，差评整改没有逾期。
      </Text>
      {list.operators.map((o) => (
        <View key={o.operatorId} className={`qualified__operator${o.qualified ? ' qualified__operator--yes' : ''}`}>
          <Text className='qualified__name'>
            {QUALIFIED_VERDICT_NAMES[o.verdict ?? (o.qualified ? 'qualified' : 'not_qualified')]} · {o.operatorName}
          </Text>
          <Text className='muted qualified__line'>
            {o.ratings} 条评价{o.satisfactionRate !== null ? ` · 满意率 ${percent(o.satisfactionRate)}` : ''}
            {o.overdueCases ? ` · 逾期整改 ${o.overdueCases} 件` : ''}
          </Text>
          {o.reasons.map((reason) => (
            <Text key={reason} className='qualified__line'>
              {reason}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
