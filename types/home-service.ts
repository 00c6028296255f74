import { z } from 'zod'
import { mobileSchema } from './booking'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'

/**
 * 家政便民: a request, not a slot. A resident asks for a service at home in a window of a day; the facility's operator
 * accepts it with a time and a price (it then becomes a booking of the one engine: code, check-in, 好差评, evaluation)
 * or declines it with a reason; the resident can cancel it until it is accepted.
 */
export const HOME_SERVICES = ['cleaning', 'repair', 'bathing', 'escort', 'other'] as const
export type HomeServiceKind = (typeof HOME_SERVICES)[number]
export const HOME_SERVICE_NAMES: Record<HomeServiceKind, string> = {
  cleaning: '保洁',
  repair: '维修',
  bathing: '助浴',
  escort: '陪诊',
  other: '其他',
}

/** The windows a resident may prefer, in Asia/Shanghai hours. */
export const HOME_WINDOWS = ['morning', 'afternoon', 'evening'] as const
export type HomeWindow = (typeof HOME_WINDOWS)[number]
export const HOME_WINDOW_HOURS: Record<HomeWindow, { name: string; from: string; to: string }> = {
  morning: { name: '上午', from: '08:00', to: '12:00' },
  afternoon: { name: '下午', from: '13:00', to: '17:00' },
  evening: { name: '傍晚', from: '17:00', to: '20:00' },
}
export const homeWindowWords = (w: HomeWindow): string => `${HOME_WINDOW_HOURS[w].name} ${HOME_WINDOW_HOURS[w].from}–${HOME_WINDOW_HOURS[w].to}`

/** A request may be for today (a window not yet over) up to this many days ahead. */
export const HOME_REQUEST_DAYS_AHEAD = 30
/** An accepted visit is booked for this long (the booking's hours). */
export const HOME_VISIT_MINUTES = 120
export const HOME_ADDRESS = { min: 5, max: 100 } as const
export const HOME_NOTES_MAX = 200
export const HOME_REASON = { min: 2, max: 100 } as const
/** The most a visit may be priced at (fen): 5000 元. */
export const HOME_PRICE_MAX_FEN = 500_000

export const HOME_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const
export type HomeRequestStatus = (typeof HOME_STATUSES)[number]

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}最多 ${max} 个字` })

export const homeRequestCreateSchema = z.strictObject({
  facilityId: idSchema,
  service: z.enum(HOME_SERVICES, { error: '请选择服务：保洁、维修、助浴、陪诊 或 其他' }),
  date: calendarDateSchema,
  window: z.enum(HOME_WINDOWS, { error: '请选择时段：上午、下午 或 傍晚' }),
  address: text('上门地址', HOME_ADDRESS.min, HOME_ADDRESS.max),
  phone: mobileSchema,
  notes: z
    .string({ error: '备注应为文字' })
    .trim()
    .max(HOME_NOTES_MAX, { error: `备注最多 ${HOME_NOTES_MAX} 个字` })
    .optional(),
})
export type HomeRequestCreate = z.infer<typeof homeRequestCreateSchema>

export const homeRequestSchema = z.object({
  id: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  service: z.enum(HOME_SERVICES),
  date: calendarDateSchema,
  window: z.enum(HOME_WINDOWS),
  address: z.string(),
  phone: z.string(),
  notes: z.string().nullable(),
  status: z.enum(HOME_STATUSES),
  createdAt: z.string(),
  /** Accepted: when the visit starts (ISO, +08:00), its price and the booking it became. */
  visitAt: z.string().nullable(),
  priceFen: z.number().int().nullable(),
  bookingId: z.string().nullable(),
  /** The booking's own status once accepted (booked, checked_in, completed …). */
  bookingStatus: z.enum(['booked', 'checked_in', 'completed', 'no_show', 'cancelled']).nullable(),
  declineReason: z.string().nullable(),
  /** Whether the resident may still cancel the request itself (only while it waits). */
  cancellable: z.boolean(),
  /**
   * Still waiting though the window asked for has gone by: the facility did not answer in time. It may still be
   * accepted for another day agreed with the resident, declined, or cancelled.
   */
  lapsed: z.boolean(),
})
export type HomeRequest = z.infer<typeof homeRequestSchema>
export const homeRequestListSchema = z.object({ items: z.array(homeRequestSchema) })

export const homeRequestIdParamsSchema = z.strictObject({ id: idSchema })
export const staffHomeRequestParamsSchema = z.strictObject({ facilityId: idSchema, id: idSchema })

export const homeAcceptSchema = z.strictObject({
  date: calendarDateSchema,
  time: z
    .string({ error: '请填写上门时间' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm，例如 09:30' }),
  priceFen: z
    .number({ error: '请填写价格（分）' })
    .int({ error: '价格应为整数（分）' })
    .min(0, { error: '价格不能为负数' })
    .max(HOME_PRICE_MAX_FEN, { error: '价格超过 5000 元，请核对' }),
})
export type HomeAccept = z.infer<typeof homeAcceptSchema>
export const homeDeclineSchema = z.strictObject({ reason: text('婉拒原因', HOME_REASON.min, HOME_REASON.max) })

const BOOKING_AFTER_ACCEPT: Partial<Record<NonNullable<HomeRequest['bookingStatus']>, string>> = {
  checked_in: '（服务中）',
  completed: '（已完成）',
  no_show: '（未能上门）',
  cancelled: '（上门服务已取消）',
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
/** '2026-12-02T09:30:00+08:00' (Asia/Shanghai) → '12月2日 周三 09:30', as the rest of the page writes days. */
function visitWords(visitAt: string): string {
  const [year, month, day] = visitAt.slice(0, 10).split('-').map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  return `${month}月${day}日 周${weekday} ${visitAt.slice(11, 16)}`
}

/** 待受理 · 已受理 12月2日 周三 09:30 · 已婉拒：原因 · 已取消 — the same words for the resident and the operator. */
export function homeRequestStatusWords(r: Pick<HomeRequest, 'status' | 'visitAt' | 'declineReason' | 'bookingStatus' | 'lapsed'>): string {
  if (r.status === 'requested') return r.lapsed ? '待受理（希望的时间已过）' : '待受理'
  if (r.status === 'cancelled') return '已取消'
  if (r.status === 'declined') return `已婉拒：${r.declineReason ?? ''}`
  const when = r.visitAt ? ` ${visitWords(r.visitAt)}` : ''
  return `已受理${when}${(r.bookingStatus && BOOKING_AFTER_ACCEPT[r.bookingStatus]) ?? ''}`
}
