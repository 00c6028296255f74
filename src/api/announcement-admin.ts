import {
  type Announcement,
  type AnnouncementCreate,
  type CommunityChoice,
  type MyAnnouncements,
  announcementListSchema,
  communityListSchema,
  myAnnouncementsSchema,
} from '@shared/announcement'
import { apiRequest } from './client'
import { withSession } from './session'

// The subpackages' calls about 公告 and 我的社区: parsed with the contract's schemas.

export const fetchCommunities = async (): Promise<CommunityChoice[]> => (await apiRequest(communityListSchema, '/communities')).communities

export const fetchMyCommunity = (): Promise<MyAnnouncements> => withSession((token) => apiRequest(myAnnouncementsSchema, '/me/announcements', { token }))

export const saveMyCommunity = (communityId: string | null): Promise<MyAnnouncements> =>
  withSession((token) => apiRequest(myAnnouncementsSchema, '/me/community', { method: 'PUT', body: { communityId }, token }))

export const fetchGovernedAnnouncements = (): Promise<Announcement[]> =>
  withSession(async (token) => (await apiRequest(announcementListSchema, '/admin/announcements', { token })).items)

export const publishAnnouncement = (input: AnnouncementCreate): Promise<Announcement[]> =>
  withSession(async (token) => (await apiRequest(announcementListSchema, '/admin/announcements', { method: 'POST', body: input, token })).items)

export const withdrawAnnouncement = (id: string): Promise<Announcement[]> =>
  withSession(async (token) => (await apiRequest(announcementListSchema, `/admin/announcements/${encodeURIComponent(id)}/withdraw`, { method: 'POST', token })).items)
