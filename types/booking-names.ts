import type { Quote } from './booking'

// No zod here: the WeChat main package (the tab pages) reads these names and must stay small.

/** Parts of a service day; meals use the first three, care bookings the rest. */
export const SESSION_PARTS = ['breakfast', 'lunch', 'dinner', 'full_day', 'morning', 'afternoon', 'night', 'activity', 'home_visit'] as const
export type SessionPart = (typeof SESSION_PARTS)[number]
export const PART_NAMES: Record<SessionPart, string> = {
  breakfast: '早餐',
  lunch: '午餐',
  dinner: '晚餐',
  full_day: '全天',
  morning: '上午',
  afternoon: '下午',
  night: '夜间',
  activity: '活动',
  home_visit: '上门服务',
}

/** Why a session cannot be booked right now; also the `code` of the matching 409/400 error. */
export const UNBOOKABLE_REASONS = ['full', 'past_cutoff', 'beyond_horizon', 'closed'] as const
export const UNBOOKABLE_REASON_NAMES: Record<(typeof UNBOOKABLE_REASONS)[number], string> = {
  full: '已约满',
  past_cutoff: '已截止',
  beyond_horizon: '未开放',
  closed: '停止预约',
}

export const FULFILMENTS = ['dine_in', 'pickup', 'delivery'] as const
export type Fulfilment = (typeof FULFILMENTS)[number]
export const FULFILMENT_NAMES: Record<Fulfilment, string> = {
  dine_in: '堂食',
  pickup: '自取',
  delivery: '送餐上门',
}

/** "到店付" / "送餐时付" / "上门时付": where the quote says the resident pays. */
export const payWhere = (quote: Pick<Quote, 'payAt'>): string => (quote.payAt === 'delivery' ? '送餐时付' : quote.payAt === 'home' ? '上门时付' : '到店付')

export const BOOKING_STATUSES = ['booked', 'checked_in', 'completed', 'no_show', 'cancelled'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const STATUS_NAMES: Record<BookingStatus, string> = {
  booked: '待使用',
  checked_in: '已签到',
  completed: '已完成',
  no_show: '未到场',
  cancelled: '已取消',
}
