import { z } from 'zod'

/** Every error code the API answers with; the client maps none of them itself — `message` is shown as is. */
export const ERROR_CODES = [
  'invalid_input',
  'malformed_json',
  'malformed_url',
  'body_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'not_found',
  // A count the rules cap (family members …), or an action that does not apply to this booking or person.
  'limit_reached',
  'already_registered',
  'not_applicable',
  'rate_limited',
  'wechat_code_invalid',
  'wechat_rate_limited',
  'wechat_user_blocked',
  'wechat_unavailable',
  'internal',
  // Booking: the first four are also a session's `reason` when it is not bookable.
  'full',
  'past_cutoff',
  'beyond_horizon',
  'closed',
  'not_bookable',
  'too_many_units',
  'delivery_not_eligible',
  'outside_delivery_area',
  'quote_changed',
  'idempotency_key_reused',
  'not_cancellable',
  'invalid_transition',
  'cancel_deadline_passed',
  'member_has_bookings',
  'account_has_bookings',
  'suspended',
  'capacity_below_booked',
  'age_not_eligible',
  // One person, one place: the person already holds an overlapping booking; the account took its share of a session.
  'already_booked',
  'account_limit',
  // The desk's day
  'not_service_day',
  'service_not_started',
  'nothing_to_undo',
  'not_closed',
  'day_past',
  // Waitlist
  'not_full',
  'already_waiting',
  'offer_expired',
  // Ratings
  'not_rateable',
  'already_rated',
  'rating_window_closed',
  // Evaluation
  'period_not_ended',
  // 需求征集
  'survey_closed',
  'already_answered',
] as const

export const errorCodeSchema = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    /** Chinese, fit to show a resident. */
    message: z.string(),
    /** For invalid input: the path of the offending field, e.g. `lat` or `body.code`. */
    field: z.string().optional(),
    /** For invalid input: why, in Chinese. */
    reason: z.string().optional(),
    /** For `full`: what can still be booked. */
    remaining: z.number().int().optional(),
    /** For `already_booked`: the booking the person already holds, so the client can open it. */
    bookingId: z.string().optional(),
    /** For a refused spreadsheet import: every problem, 「第 3 行 面积：应为数字」. */
    problems: z.array(z.string()).optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
