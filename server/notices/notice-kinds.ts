import { shortFacilityName } from '@shared/facility'
import type { NoticeKind } from '@shared/notice'
import { dayAndClock, dayName, toShanghaiIso } from '../time/shanghai'

export type { NoticeKind }

/** What a notice says about its booking. */
export interface BookingFacts {
  facilityName: string
  /** After the facility's name: 午餐, 日间照料, 半日托（下午）, 放学后托管 … */
  service: string
  /** When the booked hours begin on the first day. */
  startsAt: string
  code: string
  /** Whom it is for: a family member's name; absent when booked for oneself. */
  who?: string | null
  /** A run of days: its last day ('YYYY-MM-DD'). */
  lastDate?: string | null
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
// The subscribe message's time field, as WeChat takes it.
const when = (iso: string) => `${toShanghaiIso(iso).slice(0, 10)} ${toShanghaiIso(iso).slice(11, 16)}`
/** When, as a resident reads it in the app: 12月2日 08:30, or 12月7日 08:00 至 12月11日 for a week. */
const whenSaid = (b: BookingFacts) => `${dayAndClock(b.startsAt)}${b.lastDate && b.lastDate !== b.startsAt.slice(0, 10) ? ` 至 ${dayName(b.lastDate)}` : ''}`
/** Whose booking, for a family with several: 王秀英的 … */
const whose = (b: BookingFacts) => (b.who ? `${b.who}的` : '')
const service = (b: BookingFacts) => `${shortFacilityName(b.facilityName)}${b.service}`

export function confirmedNotice(b: BookingFacts): NoticeText {
  return {
    kind: 'booking_confirmed',
    title: '预约成功',
    body: `${whose(b)}${service(b)}，${whenSaid(b)}，核销码 ${b.code}。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: '到店出示核销码，柜台付款' },
  }
}

export function reminderNotice(b: BookingFacts): NoticeText {
  return {
    kind: 'booking_reminder',
    title: '服务提醒',
    body: `${b.who ? `${b.who}的` : '您预约的'}${service(b)}将于 ${dayAndClock(b.startsAt)} 开始，核销码 ${b.code}。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: '请按时前往' },
  }
}

export function cancelledNotice(b: BookingFacts, reason: string): NoticeText {
  return {
    kind: 'cancelled_by_facility',
    title: '预约已被设施取消',
    body: `${whose(b)}${service(b)}（${whenSaid(b)}）已被设施取消：${reason}。给您带来不便，敬请谅解。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: thing(reason) },
  }
}

const clock = (instant: Date) => toShanghaiIso(instant).slice(11, 16)

/** The first in line gets a freed place: held for them until `holdUntil`. */
export function waitlistOfferNotice(b: BookingFacts, holdUntil: Date): NoticeText {
  return {
    kind: 'waitlist_offer',
    title: '候补成功，请确认',
    body: `您为${b.who ?? '自己'}候补的${service(b)}（${whenSaid(b)}）有名额了，已为您保留到 ${dayAndClock(holdUntil)}，请在此之前到“预约”里确认，逾期名额将让给下一位。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: thing(`请在${clock(holdUntil)}前确认`) },
  }
}

export function waitlistExpiredNotice(b: BookingFacts): NoticeText {
  return {
    kind: 'waitlist_expired',
    title: '候补名额已释放',
    body: `为${b.who ?? '您'}保留的${service(b)}（${whenSaid(b)}）名额未在时限内确认，已让给下一位。`,
    fields: { thing1: thing(service(b)), time2: when(b.startsAt), character_string3: b.code, thing4: '未在时限内确认' },
  }
}

/** A 差评 answered: the resident reads the reply and says whether they accept it. */
export function rectificationAnsweredNotice(facilityName: string, code: string): NoticeText {
  return {
    kind: 'rectification_answered',
    title: '您的评价有回复了',
    body: `${facilityName}已回复您的评价并说明整改情况，请在预约详情里查看，并告诉我们您是否认可。`,
    fields: { thing1: thing(facilityName), time2: '', character_string3: code, thing4: '请查看整改回复' },
  }
}

/** A suspension after no-shows, and what the resident needs to act on it. */
export interface SuspensionFacts {
  /** The person suspended: a family member's name, or 您 for the booker themself. */
  who: string
  functionName: string
  noShows: number
  windowDays: number
  until: Date
  /** Whom to call: the facility where the last no-show was recorded, and its phone when it has one. */
  facilityName: string
  phone: string | null
  /** The no-show that tipped it. */
  booking: BookingFacts
}

export function suspendedNotice(s: SuspensionFacts): NoticeText {
  const contact = s.phone ? `请致电${s.facilityName}：${s.phone}` : `请联系设施工作人员（${s.facilityName}）`
  return {
    kind: 'booking_suspended',
    title: '暂停预约通知',
    body:
      `${s.who} ${s.windowDays} 天内 ${s.noShows} 次预约${s.functionName}未到场（最近一次：${service(s.booking)}，${dayAndClock(s.booking.startsAt)}），` +
      `${dayAndClock(s.until)} 前暂停预约${s.functionName}，各设施都不能预约。如有特殊情况或登记有误，${contact}。`,
    fields: {
      thing1: thing(`暂停预约${s.functionName}`),
      time2: when(s.until.toISOString()),
      character_string3: s.booking.code,
      thing4: thing(`${s.noShows}次未到场，详见小程序`),
    },
  }
}

/** A suspension lifted; `why` says what happened (a no-show entered by mistake and undone, or staff lifting it). */
export function suspensionLiftedNotice(s: { who: string; functionName: string; why: string; code: string | null; now: Date }): NoticeText {
  return {
    kind: 'suspension_lifted',
    title: '已恢复预约',
    body: `${s.who}的${s.functionName}预约已恢复，可以正常预约了。${s.why}`,
    fields: { thing1: thing(`恢复预约${s.functionName}`), time2: when(s.now.toISOString()), character_string3: s.code ?? '', thing4: '可以正常预约了' },
  }
}

/** Why a suspension is lifted when the no-show that tipped it was entered by mistake. */
export const mistakenNoShow = (b: BookingFacts): string => `${service(b)}（${dayAndClock(b.startsAt)}）的未到场登记有误，已撤销，给您带来不便，敬请谅解。`
