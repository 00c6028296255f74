import { PART_NAMES, type SessionPart } from '@shared/booking'
import { toShanghaiIso } from '../time/shanghai'

export const NOTICE_KINDS = ['booking_confirmed', 'booking_reminder', 'cancelled_by_facility'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

/** What a notice says about its booking. */
export interface BookingFacts {
  facilityName: string
  part: SessionPart
  startsAt: string
  code: string
}

export interface NoticeText {
  kind: NoticeKind
  title: string
  body: string
  /**
   * The subscribe message's fields. One field set for the three templates (服务名称 thing1, 时间 time2,
   * 核销码 character_string3, 备注 thing4): choose templates with these keywords in the console.
   */
  fields: Record<string, string>
}

// WeChat caps a thing field at 20 characters.
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)
const when = (iso: string) => `${toShanghaiIso(iso).slice(0, 10)} ${toShanghaiIso(iso).slice(11, 16)}`
const service = (b: BookingFacts) => `${b.facilityName.replace('嵌入式服务设施', '')}${PART_NAMES[b.part]}`

export function confirmedNotice(b: BookingFacts): NoticeText {
  return {
    kind: 'booking_confirmed',
    title: '预约成功',
    body: `${service(b)}，${when(b.startsAt)}，核销码 ${b.code}。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: '到店出示核销码，柜台付款' },
  }
}

export function reminderNotice(b: BookingFacts): NoticeText {
  return {
    kind: 'booking_reminder',
    title: '服务提醒',
    body: `您预约的${service(b)}将于 ${when(b.startsAt)} 开始，核销码 ${b.code}。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: '请按时前往' },
  }
}

export function cancelledNotice(b: BookingFacts, reason: string): NoticeText {
  return {
    kind: 'cancelled_by_facility',
    title: '预约已被设施取消',
    body: `${service(b)}（${when(b.startsAt)}）已被设施取消：${reason}。给您带来不便，敬请谅解。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: thing(reason) },
  }
}
