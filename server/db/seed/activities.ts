import type { ActivityInput } from '@shared/activity'
import type { Transaction } from 'kysely'
import { publishActivity } from '../../activities/activity.service'
import { addDays, shanghaiDate } from '../../time/shanghai'
import type { Database } from '../schema'
import type { SeedPass } from './seed-rows'

/** Weekly, from a day this many days after the first start, for twelve weeks. */
const WEEKS = 12

/** What the sample facilities hold, so the demo has classes and talks to sign up for. Published through the same code an
 * operator's go through, on the first start only: they are the operators' to change or withdraw after that. */
const SAMPLE: { facilityId: string; from: number; activity: Omit<ActivityInput, 'dates'> }[] = [
  {
    facilityId: 'yl-hongqi',
    from: 1,
    activity: { function: 'culture', title: '老年合唱团排练', description: '唱红歌和老歌，不会识谱也能来', starts: '09:30', ends: '11:00', places: 30, priceFen: 0, minAge: null, maxAge: null },
  },
  {
    facilityId: 'yl-jiayuan',
    from: 2,
    activity: { function: 'culture', title: '少儿书法入门班', description: '毛笔字基本笔画，笔墨纸由中心提供', starts: '16:30', ends: '17:30', places: 12, priceFen: 0, minAge: 6, maxAge: 12 },
  },
  {
    facilityId: 'yl-renmin-donglu',
    from: 3,
    activity: { function: 'health', title: '健康讲座：高血压的日常管理', description: '社区卫生服务中心医生主讲，讲后免费量血压', starts: '10:00', ends: '11:00', places: 40, priceFen: 0, minAge: 60, maxAge: null },
  },
  {
    facilityId: 'yl-hangkong-erlu',
    from: 4,
    activity: { function: 'culture', title: '亲子手工课', description: '家长带孩子一起做，材料费每人 10 元', starts: '15:00', ends: '16:30', places: 16, priceFen: 1000, minAge: 3, maxAge: null },
  },
]

export async function seedActivities(trx: Transaction<Database>, { now, setUp }: SeedPass): Promise<void> {
  if (!setUp) return
  const today = shanghaiDate(now)
  for (const { facilityId, from, activity } of SAMPLE) {
    const dates = Array.from({ length: WEEKS }, (_, week) => addDays(today, from + 7 * week))
    await publishActivity(trx, null, facilityId, { ...activity, description: activity.description ?? '', dates }, now)
  }
}
