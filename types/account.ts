import { z } from 'zod'
import { homeRequestSchema } from './home-service'
import { userSchema } from './auth'
import { bookingSchema } from './booking'
import { feedbackSchema } from './feedback'
import { familyMemberSchema } from './member'
import { noticeSchema } from './notice'
import { ratingSchema } from './rating'
import { waitlistEntrySchema } from './waitlist'

/**
 * 导出我的数据 (个人信息保护法 §45): everything the service holds about an account and its family members, as the
 * app shows it — readable on a page and downloadable as JSON.
 */
export const accountExportSchema = z.object({
  exportedAt: z.string(),
  account: userSchema,
  members: z.array(familyMemberSchema),
  bookings: z.array(bookingSchema),
  ratings: z.array(ratingSchema),
  waitlist: z.array(waitlistEntrySchema),
  notices: z.array(noticeSchema),
  feedback: z.array(feedbackSchema),
  /** 家政便民 requests, with the address and phone given for them. */
  homeServices: z.array(homeRequestSchema),
  /** 我住的社区, if the resident said (it decides which 公告 they see). */
  community: z.object({ id: z.string(), name: z.string(), street: z.string() }).nullable(),
  /** 需求征集 answered, with what was answered. */
  surveyAnswers: z.array(
    z.object({
      surveyId: z.string(),
      title: z.string(),
      communityName: z.string(),
      services: z.array(z.string()),
      times: z.array(z.string()),
      price: z.string(),
      text: z.string().nullable(),
      answeredAt: z.string(),
    }),
  ),
  /** Consents given, with their version and time: the privacy notice per member, a guardian's for a child. */
  consents: z.array(z.object({ memberId: z.string(), memberName: z.string(), kind: z.enum(['personal', 'child']), version: z.string(), at: z.string() })),
})
export type AccountExport = z.infer<typeof accountExportSchema>

/** 注销账号 is confirmed in the request itself. */
export const accountDeletionSchema = z.strictObject({ confirm: z.literal(true, { error: '请确认要注销账号' }) })
