import { z } from 'zod'
import { sessionPartSchema } from './booking'
import { idSchema } from './common'
import { functionCodeSchema } from './functions'

export { WAITLIST_FUNCTIONS, WAITLIST_HOLD_MINUTES } from './waitlist-names'

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'expired', 'declined', 'left', 'lapsed'] as const
export const waitlistStatusSchema = z.enum(WAITLIST_STATUSES)
export type WaitlistStatus = z.infer<typeof waitlistStatusSchema>

export const waitlistEntrySchema = z.object({
  id: z.string(),
  status: waitlistStatusSchema,
  facilityId: z.string(),
  facilityName: z.string(),
  function: functionCodeSchema,
  date: z.string(),
  part: sessionPartSchema,
  /** The last day of a run (a stay's last night), when the request is for more than one day. */
  throughDate: z.string().nullable(),
  /** 乳儿班 / 托小班 / 托大班 for infant care. */
  className: z.string().nullable(),
  beneficiaryName: z.string(),
  /** 1 for the first in line; null once the entry is no longer waiting. */
  position: z.number().int().nullable(),
  joinedAt: z.string(),
  /** While offered: the held booking, and until when it is held. */
  bookingId: z.string().nullable(),
  offerExpiresAt: z.string().nullable(),
  /** Why the entry ended (past the cut-off, no longer eligible …). */
  endedReason: z.string().nullable(),
})
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>

export const waitlistListSchema = z.object({ entries: z.array(waitlistEntrySchema) })
export const waitlistIdParamsSchema = z.strictObject({ id: idSchema })
