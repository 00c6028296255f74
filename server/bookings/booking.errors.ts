import { PART_NAMES, type SessionPart } from '@shared/booking'
import { shortFacilityName } from '@shared/facility'
import type { FunctionCode } from '@shared/functions'
import { DomainError } from '../http/errors'
import { toShanghaiIso } from '../time/shanghai'
import { unitWord } from './booking-rules'

const dayAndClock = (instant: Date) => {
  const iso = toShanghaiIso(instant)
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`
}

const dayOf = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

export class SessionFullError extends DomainError {
  /** `date`: for a run of days, which day is full; `waiting`: people in the waitlist the free places are owed to. */
  constructor(remaining: number, fn: FunctionCode, date?: string, waiting = 0) {
    const unit = unitWord(fn)
    const which = date ? dayOf(date) : '本场'
    super(
      'full',
      waiting > 0
        ? `余量不足：${which}已约满，已有 ${waiting} 人在排队候补，您可以加入候补`
        : remaining > 0
          ? `余量不足：${which}只剩 ${remaining} ${unit}，请减少数量`
          : `余量不足：${which}已约满，请选择其他日期或场次`,
      { remaining },
    )
  }
}

export class PastCutoffError extends DomainError {
  constructor(cutoff: Date) {
    super('past_cutoff', `已过预约截止时间（${dayAndClock(cutoff)}），请选择其他场次`)
  }
}

export class BeyondHorizonError extends DomainError {
  constructor(horizonDays: number) {
    super('beyond_horizon', `只能预约 ${horizonDays} 天之内的服务，请选择更近的日期`)
  }
}

export class SessionClosedError extends DomainError {
  constructor() {
    super('closed', '该场次已停止预约，请选择其他日期或场次')
  }
}

export class NotBookableError extends DomainError {
  constructor() {
    super('not_bookable', '这项服务暂未开通在线预约，请致电设施咨询')
  }
}

export class TooManyUnitsError extends DomainError {
  constructor(maxUnits: number, fn: FunctionCode) {
    super('too_many_units', `每次最多预约 ${maxUnits} ${unitWord(fn)}`)
  }
}

export class QuoteChangedError extends DomainError {
  constructor(message = '价格有变化，请重新确认后再提交') {
    super('quote_changed', message)
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('idempotency_key_reused', '这次提交与之前的内容不同，请返回重新下单')
  }
}

/**
 * The Idempotency-Key already carries another request's answer (a retry of a finished request, or its twin that
 * committed first). It rolls this booking's writes back; placeBooking then answers with the earlier response, so
 * a resident sees this message only if that answer has gone meanwhile.
 */
export class KeyAnsweredError extends DomainError {
  constructor() {
    super('idempotency_key_reused', '这次提交已经处理过，请到“我的预约”查看')
  }
}

export class NotCancellableError extends DomainError {
  constructor(statusName: string) {
    super('not_cancellable', `这笔预约${statusName}，不能取消`)
  }
}

export class CancelDeadlinePassedError extends DomainError {
  constructor(deadline: Date) {
    super('cancel_deadline_passed', `已过取消截止时间（${dayAndClock(deadline)}），如不能前往请致电设施说明`)
  }
}

/** The booking a person already holds over the same time, as the refusal names it. */
export interface HeldBooking {
  bookingId: string
  /** null: the booker themself. */
  memberName: string | null
  serviceDate: string
  /** 午餐, 全日托, 日间照料 … */
  service: string
  facilityName: string
}

export class AlreadyBookedError extends DomainError {
  /** Without `held`: taken by a booking that went again at once (a race within a race); nothing to name. */
  constructor(held?: HeldBooking) {
    super(
      'already_booked',
      held
        ? `${held.memberName ? `${held.memberName} ` : '您'}已预约 ${dayOf(held.serviceDate)} ${held.service}（${shortFacilityName(held.facilityName)}），不能重复预约`
        : '同一时间已有预约，不能重复预约',
      held ? { bookingId: held.bookingId } : {},
    )
  }
}

export class AccountLimitError extends DomainError {
  constructor(limit: number, taken: number, fn: FunctionCode, date: string, part: SessionPart) {
    const unit = unitWord(fn)
    const left = Math.max(0, limit - taken)
    super(
      'account_limit',
      `每个账号每场最多预约 ${limit} ${unit}：${dayOf(date)}${PART_NAMES[part]}本账号已预约 ${taken} ${unit}，` +
        (left > 0 ? `最多还能预约 ${left} ${unit}` : '不能再预约'),
    )
  }
}
