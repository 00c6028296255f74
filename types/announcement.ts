import { z } from 'zod'
import { ANNOUNCEMENT_BODY, ANNOUNCEMENT_KINDS, ANNOUNCEMENT_TITLE } from './announcement-names'
import { idSchema } from './common'
import { calendarDateSchema } from './dates'

// 公告: the district or a street office tells residents of its communities something (a policy, a new facility, a
// changed price). It shows on the first screen of those residents until they have read it.

export * from './announcement-names'

const words = (label: string, { min, max }: { min: number; max: number }) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}最多 ${max} 个字` })

export const announcementCreateSchema = z.strictObject({
  /** A street of the caller's; absent for the whole district (district staff only). */
  streetId: idSchema.optional(),
  kind: z.enum(ANNOUNCEMENT_KINDS, { error: '请选择类型：政策、新设施、价格调整 或 通知' }),
  title: words('标题', ANNOUNCEMENT_TITLE),
  body: words('内容', ANNOUNCEMENT_BODY),
  /** The last day it is shown. */
  untilOn: calendarDateSchema,
})
export type AnnouncementCreate = z.infer<typeof announcementCreateSchema>

export const announcementSchema = z.object({
  id: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  title: z.string(),
  body: z.string(),
  /** Who it is from: 区 or the street's name. */
  from: z.string(),
  streetId: z.string().nullable(),
  publishedAt: z.string(),
  untilOn: calendarDateSchema,
  /** Residents who have read it (the publisher's view only). */
  reads: z.number().int().optional(),
  /** Withdrawn by its publisher, when (the publisher's view only). */
  withdrawnAt: z.string().nullable().optional(),
})
export type Announcement = z.infer<typeof announcementSchema>

export const communityChoiceSchema = z.object({ id: z.string(), name: z.string(), street: z.string() })
export type CommunityChoice = z.infer<typeof communityChoiceSchema>

/** A resident's first screen: their community (if they said), and what is unread for it. */
export const myAnnouncementsSchema = z.object({
  community: communityChoiceSchema.nullable(),
  items: z.array(announcementSchema),
})
export type MyAnnouncements = z.infer<typeof myAnnouncementsSchema>

export const announcementListSchema = z.object({ items: z.array(announcementSchema) })
export const communityListSchema = z.object({ communities: z.array(communityChoiceSchema) })
export const myCommunitySchema = z.strictObject({ communityId: idSchema.nullable() })
export const announcementIdParamsSchema = z.strictObject({ id: idSchema })
