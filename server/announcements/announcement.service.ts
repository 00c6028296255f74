import { randomUUID } from 'node:crypto'
import { ANNOUNCEMENT_MAX_DAYS, type Announcement, type AnnouncementCreate, type AnnouncementKind, type CommunityChoice, type MyAnnouncements } from '@shared/announcement'
import type { Kysely, Selectable } from 'kysely'
import type { AdminScope } from '../admin/facility-admin.repository'
import { isGovernedStreet } from '../admin/governed-street'
import type { AnnouncementTable, Database, UserRow } from '../db/schema'
import { InvalidInputError, NotFoundError } from '../http/errors'
import { addDays, shanghaiDate, toShanghaiIso } from '../time/shanghai'

type Governed = AdminScope

type Row = Selectable<AnnouncementTable> & { street_name: string | null }

const withStreet = (db: Kysely<Database>) =>
  db.selectFrom('announcements as a').leftJoin('streets as s', 's.id', 'a.street_id').selectAll('a').select('s.name as street_name')

const toAnnouncement = (r: Row, reads?: number): Announcement => ({
  ...(reads === undefined ? {} : { reads, withdrawnAt: r.withdrawn_at ? toShanghaiIso(r.withdrawn_at) : null }),
  id: r.id,
  kind: r.kind as AnnouncementKind,
  title: r.title,
  body: r.body,
  from: r.street_name ?? '区里',
  streetId: r.street_id,
  publishedAt: toShanghaiIso(r.published_at),
  untilOn: r.until_on,
})

/** Every community a resident may say they live in, by street. */
export function listCommunities(db: Kysely<Database>): Promise<CommunityChoice[]> {
  return db
    .selectFrom('communities as c')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .select(['c.id', 'c.name', 's.name as street'])
    .orderBy('s.name')
    .orderBy('c.name')
    .execute()
}

async function communityOf(db: Kysely<Database>, communityId: string | null) {
  if (!communityId) return null
  return (
    (await db
      .selectFrom('communities as c')
      .innerJoin('streets as s', 's.id', 'c.street_id')
      .select(['c.id', 'c.name', 's.name as street', 's.id as street_id', 's.district_id'])
      .where('c.id', '=', communityId)
      .executeTakeFirst()) ?? null
  )
}

/**
 * What a resident's first screen shows: the unread 公告 of their community's street and district, still current.
 * Someone who has not said where they live sees what is for a whole district.
 */
export async function myAnnouncements(db: Kysely<Database>, user: UserRow, now: Date): Promise<MyAnnouncements> {
  const community = await communityOf(db, user.community_id)
  let query = withStreet(db)
    .where('a.until_on', '>=', shanghaiDate(now))
    .where('a.published_at', '<=', now.toISOString())
    .where('a.withdrawn_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('announcement_reads as r').select('r.user_id').whereRef('r.announcement_id', '=', 'a.id').where('r.user_id', '=', user.id))),
    )
  query = community
    ? query.where('a.district_id', '=', community.district_id).where((eb) => eb.or([eb('a.street_id', 'is', null), eb('a.street_id', '=', community.street_id)]))
    : query.where('a.street_id', 'is', null)
  const rows = await query.orderBy('a.published_at', 'desc').limit(20).execute()
  return {
    community: community && { id: community.id, name: community.name, street: community.street },
    items: rows.map((r) => toAnnouncement(r)),
  }
}

/** 我的社区: the resident says where they live (or takes it back). */
export async function setMyCommunity(db: Kysely<Database>, user: UserRow, communityId: string | null, now: Date): Promise<MyAnnouncements> {
  if (communityId && !(await communityOf(db, communityId))) throw new InvalidInputError('communityId', '没有这个社区，请从列表中选择')
  await db.updateTable('users').set({ community_id: communityId }).where('id', '=', user.id).execute()
  return myAnnouncements(db, { ...user, community_id: communityId }, now)
}

/** Read: it leaves the resident's first screen (twice is once). */
export async function markRead(db: Kysely<Database>, user: UserRow, id: string, now: Date): Promise<void> {
  const exists = await db.selectFrom('announcements').select('id').where('id', '=', id).executeTakeFirst()
  if (!exists) throw new NotFoundError('没有找到这条公告')
  await db
    .insertInto('announcement_reads')
    .values({ announcement_id: id, user_id: user.id, read_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['announcement_id', 'user_id']).doNothing())
    .execute()
}

/** The 公告 a street office (its streets) or the district (all of them) published, newest first, with how many read them. */
export async function listGovernedAnnouncements(db: Kysely<Database>, scope: Governed): Promise<Announcement[]> {
  let query = withStreet(db)
    .select((eb) => eb.selectFrom('announcement_reads as r').whereRef('r.announcement_id', '=', 'a.id').select((e) => e.fn.countAll<number>().as('n')).as('reads'))
    .where('a.district_id', '=', scope.districtId)
  if (scope.streetIds) query = query.where('a.street_id', 'in', scope.streetIds.length > 0 ? scope.streetIds : [''])
  const rows = await query.orderBy('a.published_at', 'desc').limit(50).execute()
  return rows.map((r) => toAnnouncement(r, Number(r.reads ?? 0)))
}

/**
 * Publishes a 公告 now, shown until the day named: a street office for one of its streets, the district for a
 * street or (no street) every community.
 */
export async function publishAnnouncement(db: Kysely<Database>, scope: Governed, userId: string, input: AnnouncementCreate, now: Date): Promise<Announcement[]> {
  if (input.streetId) {
    if (!(await isGovernedStreet(db, scope, input.streetId))) throw new InvalidInputError('streetId', '只能向本街道的社区发布公告')
  } else if (scope.streetIds) {
    throw new InvalidInputError('streetId', '请选择街道：街道办事处向本街道的社区发布公告')
  }
  const today = shanghaiDate(now)
  if (input.untilOn < today) throw new InvalidInputError('untilOn', '展示截止日期不能早于今天')
  if (input.untilOn > addDays(today, ANNOUNCEMENT_MAX_DAYS)) throw new InvalidInputError('untilOn', `最多展示 ${ANNOUNCEMENT_MAX_DAYS} 天`)
  await db
    .insertInto('announcements')
    .values({
      id: `an-${randomUUID()}`,
      district_id: scope.districtId,
      street_id: input.streetId ?? null,
      kind: input.kind,
      title: input.title,
      body: input.body,
      published_at: now.toISOString(),
      until_on: input.untilOn,
      created_by: userId,
    })
    .execute()
  return listGovernedAnnouncements(db, scope)
}

/** Withdraws a 公告 its caller may publish: residents stop seeing it at once; the publisher's list keeps it, marked. */
export async function withdrawAnnouncement(db: Kysely<Database>, scope: Governed, id: string, now: Date): Promise<Announcement[]> {
  const row = await db.selectFrom('announcements').select(['id', 'district_id', 'street_id']).where('id', '=', id).executeTakeFirst()
  const mine = row && row.district_id === scope.districtId && (!scope.streetIds || (row.street_id !== null && scope.streetIds.includes(row.street_id)))
  // Another street's (or the district's, for a street office) is "not found", as one that does not exist.
  if (!mine) throw new NotFoundError('没有找到这条公告')
  await db.updateTable('announcements').set({ withdrawn_at: now.toISOString() }).where('id', '=', id).where('withdrawn_at', 'is', null).execute()
  return listGovernedAnnouncements(db, scope)
}
