import { z } from 'zod'
import { idSchema } from './common'

export const NOTICE_KINDS = [
  'booking_confirmed',
  'booking_reminder',
  'cancelled_by_facility',
  'waitlist_offer',
  'waitlist_expired',
  'rectification_answered',
  'booking_suspended',
  'suspension_lifted',
  'feedback_answered',
  'home_service_declined',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const noticeSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  bookingId: z.string().nullable(),
  /** When it was said (a reminder: when its time came). */
  at: z.string(),
  read: z.boolean(),
})
export type Notice = z.infer<typeof noticeSchema>

export const noticeListSchema = z.object({ notices: z.array(noticeSchema), unread: z.number().int() })
export const noticeIdParamsSchema = z.strictObject({ id: idSchema })

/** Subscribe-message templates the mini-program asks the resident for at the booking tap (≤ 3 per call). */
export const noticeTemplatesSchema = z.object({ templateIds: z.array(z.string()).max(3) })
export type NoticeTemplates = z.infer<typeof noticeTemplatesSchema>
