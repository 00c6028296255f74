import type { AccountExport } from '@shared/account'
import type { Kysely } from 'kysely'
import { myAnnouncements } from '../announcements/announcement.service'
import { toUser } from '../auth/auth.service'
import { listMyBookings } from '../bookings/my-bookings.service'
import type { Database, UserRow } from '../db/schema'
import { listMyFeedback } from '../feedback/feedback.service'
import { listMyHomeRequests } from '../home-services/home-service.service'
import { listMyNotices } from '../notices/notice.repository'
import { findRatingOfBooking } from '../ratings/rating.repository'
import { shanghaiDate, toShanghaiIso } from '../time/shanghai'
import { listMyWaitlist } from '../waitlist/waitlist.service'
import { listFamilyMembers } from './family-member.repository'

/** 导出我的数据: the account, its family members, bookings, ratings, waitlist places, messages, 意见, 家政申请, 需求征集 answers and consents. */
export async function exportAccount(db: Kysely<Database>, user: UserRow, now: Date): Promise<AccountExport> {
  const [members, bookings, waitlist, notices, feedback, homeServices, surveyRows, consentRows] = await Promise.all([
    listFamilyMembers(db, user.id, shanghaiDate(now)),
    listMyBookings(db, user, undefined, now),
    listMyWaitlist(db, user),
    listMyNotices(db, user.id, now),
    listMyFeedback(db, user, now),
    listMyHomeRequests(db, user, now),
    db
      .selectFrom('survey_answers as a')
      .innerJoin('surveys as v', 'v.id', 'a.survey_id')
      .innerJoin('communities as c', 'c.id', 'a.community_id')
      .select(['a.survey_id', 'v.title', 'c.name as community_name', 'a.services', 'a.times', 'a.price', 'a.text', 'a.created_at'])
      .where('a.user_id', '=', user.id)
      .orderBy('a.created_at', 'desc')
      .execute(),
    db
      .selectFrom('family_members')
      .select(['id', 'name', 'consent_version', 'consent_at', 'child_consent_version', 'child_consent_at'])
      .where('owner_user_id', '=', user.id)
      .execute(),
  ])
  const ratings = (await Promise.all(bookings.map((b) => findRatingOfBooking(db, b.id)))).filter((r) => r !== null)
  const consents = consentRows.flatMap((m) => [
    ...(m.consent_version && m.consent_at ? [{ memberId: m.id, memberName: m.name, kind: 'personal' as const, version: m.consent_version, at: toShanghaiIso(m.consent_at) }] : []),
    ...(m.child_consent_version && m.child_consent_at
      ? [{ memberId: m.id, memberName: m.name, kind: 'child' as const, version: m.child_consent_version, at: toShanghaiIso(m.child_consent_at) }]
      : []),
  ])
  const surveyAnswers = surveyRows.map((a) => ({
    surveyId: a.survey_id,
    title: a.title,
    communityName: a.community_name,
    services: JSON.parse(a.services) as string[],
    times: JSON.parse(a.times) as string[],
    price: a.price,
    text: a.text,
    answeredAt: toShanghaiIso(a.created_at),
  }))
  const { community } = await myAnnouncements(db, user, now)
  return { exportedAt: toShanghaiIso(now), account: toUser(user), community, members, bookings, ratings, waitlist, notices, feedback, homeServices, surveyAnswers, consents }
}
