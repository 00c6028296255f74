// No zod here: the first screen (WeChat main package) shows 公告 and must stay small.

export const ANNOUNCEMENT_KINDS = ['policy', 'facility', 'price', 'other'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
export const ANNOUNCEMENT_KIND_NAMES: Record<AnnouncementKind, string> = {
  policy: '政策',
  facility: '新设施',
  price: '价格调整',
  other: '通知',
}
export const ANNOUNCEMENT_TITLE = { min: 4, max: 40 } as const
export const ANNOUNCEMENT_BODY = { min: 5, max: 1000 } as const
/** The longest an announcement stays on residents' first screen. */
export const ANNOUNCEMENT_MAX_DAYS = 92
