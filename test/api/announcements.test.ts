import { announcementListSchema, communityListSchema, myAnnouncementsSchema } from '@shared/announcement'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { devLogin, errorOf, staffLogin, useTestApp } from '../support/app'
import { DATABASES } from '../support/databases'

type Headers = { authorization: string }

// 公告: the district tells everyone, a street office its own communities; a resident sees what is for their
// community on the first screen until they have read it.
describe.each(DATABASES)('公告 on %s', (database) => {
  const t = useTestApp(database)
  const as = {} as Record<'street' | 'otherStreet' | 'district' | 'hongqi' | 'hangkong' | 'nowhere', Headers>
  const community: Record<string, string> = {}

  beforeAll(async () => {
    as.street = await staffLogin(t, 'notice-street', 'street', 'yl-xinhualu')
    as.otherStreet = await staffLogin(t, 'notice-other-street', 'street', 'yl-zhenxing')
    as.district = await staffLogin(t, 'notice-district', 'district', 'xa-yanliang')
    as.hongqi = await devLogin(t.app, 'notice-hongqi')
    as.hangkong = await devLogin(t.app, 'notice-hangkong')
    as.nowhere = await devLogin(t.app, 'notice-nowhere')
    for (const c of communityListSchema.parse((await t.app.inject({ url: '/api/communities' })).json()).communities) community[c.name] = c.id
  })

  const today = () => shanghaiDate(t.clock.now())
  const publish = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/admin/announcements', headers, payload })
  const mine = async (headers: Headers) => myAnnouncementsSchema.parse((await t.app.inject({ url: '/api/me/announcements', headers })).json())
  const live = (fields: object = {}) => ({ kind: 'price', title: '红旗社区午餐调价', body: '自下月起午餐由 12 元调整为 13 元，补贴不变。', untilOn: addDays(today(), 7), ...fields })

  it('lets a resident say which community they live in, refusing one that does not exist', async () => {
    const set = await t.app.inject({ method: 'PUT', url: '/api/me/community', headers: as.hongqi, payload: { communityId: community['红旗社区'] } })
    expect(set.statusCode).toBe(200)
    expect(myAnnouncementsSchema.parse(set.json()).community).toMatchObject({ name: '红旗社区', street: '新华路街道' })
    expect((await t.app.inject({ method: 'PUT', url: '/api/me/community', headers: as.hangkong, payload: { communityId: community['航空二路社区'] } })).statusCode).toBe(200)
    const bad = await t.app.inject({ method: 'PUT', url: '/api/me/community', headers: as.nowhere, payload: { communityId: 'no-such-community' } })
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad.body)).toMatchObject({ field: 'communityId' })
    expect((await mine(as.nowhere)).community).toBeNull()
    // 导出我的数据 says it.
    expect((await t.app.inject({ url: '/api/me/export', headers: as.hongqi })).json().community).toMatchObject({ name: '红旗社区' })
  })

  it('is published by a street office for its own street only, and by the district for a street or everyone', async () => {
    expect((await publish(as.street, live({ streetId: 'yl-xinhualu' }))).statusCode).toBe(201)
    const other = await publish(as.otherStreet, live({ streetId: 'yl-xinhualu' }))
    expect(other.statusCode).toBe(400)
    expect(errorOf(other.body)).toMatchObject({ field: 'streetId' })
    // A street office has no "everyone".
    expect(errorOf((await publish(as.otherStreet, live())).body)).toMatchObject({ field: 'streetId' })
    for (const [payload, field] of [
      [live({ streetId: 'yl-xinhualu', title: '调价' }), 'title'],
      [live({ streetId: 'yl-xinhualu', body: '涨价' }), 'body'],
      [live({ streetId: 'yl-xinhualu', untilOn: addDays(today(), -1) }), 'untilOn'],
      [live({ streetId: 'yl-xinhualu', untilOn: addDays(today(), 200) }), 'untilOn'],
      [live({ streetId: 'yl-xinhualu', kind: 'gossip' }), 'kind'],
    ] as const) {
      const bad = await publish(as.street, payload)
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad.body).field).toBe(field)
    }
    const everyone = await publish(as.district, live({ kind: 'policy', title: '高龄津贴申领提醒', body: '80 周岁以上老人可到社区申领高龄津贴。' }))
    expect(everyone.statusCode).toBe(201)
    expect(announcementListSchema.parse(everyone.json()).items.map((a) => a.from)).toEqual(['区里', '新华路街道'])
    expect(announcementListSchema.parse((await t.app.inject({ url: '/api/admin/announcements', headers: as.otherStreet })).json()).items).toEqual([])
  })

  it('shows each resident what is for their community until read; reading twice is reading once', async () => {
    expect((await mine(as.hongqi)).items.map((a) => a.title)).toEqual(['高龄津贴申领提醒', '红旗社区午餐调价'])
    expect((await mine(as.hangkong)).items.map((a) => a.title)).toEqual(['高龄津贴申领提醒'])
    expect((await mine(as.nowhere)).items.map((a) => a.title)).toEqual(['高龄津贴申领提醒'])

    const [street] = (await mine(as.hongqi)).items.filter((a) => a.title === '红旗社区午餐调价')
    for (let i = 0; i < 2; i++) {
      const read = await t.app.inject({ method: 'POST', url: `/api/announcements/${street.id}/read`, headers: as.hongqi })
      expect(read.statusCode).toBe(200)
      expect(myAnnouncementsSchema.parse(read.json()).items.map((a) => a.title)).toEqual(['高龄津贴申领提醒'])
    }
    expect((await mine(as.hongqi)).items.map((a) => a.title)).toEqual(['高龄津贴申领提醒'])
    const counted = announcementListSchema.parse((await t.app.inject({ url: '/api/admin/announcements', headers: as.street })).json()).items
    expect(counted).toEqual([expect.objectContaining({ title: '红旗社区午餐调价', reads: 1 })])
    expect((await t.app.inject({ method: 'POST', url: '/api/announcements/an-missing/read', headers: as.hongqi })).statusCode).toBe(404)
  })

  it('is withdrawn by whoever may publish it: gone from every first screen at once, kept and marked in the list', async () => {
    const district = announcementListSchema.parse((await t.app.inject({ url: '/api/admin/announcements', headers: as.district })).json()).items
    const everyone = district.find((a) => a.title === '高龄津贴申领提醒')!
    const withdraw = (headers: Headers, id: string) => t.app.inject({ method: 'POST', url: `/api/admin/announcements/${id}/withdraw`, headers })
    // A street office cannot withdraw the district's, nor another street's.
    expect((await withdraw(as.street, everyone.id)).statusCode).toBe(404)
    const street = district.find((a) => a.title === '红旗社区午餐调价')!
    expect((await withdraw(as.otherStreet, street.id)).statusCode).toBe(404)
    expect((await mine(as.hangkong)).items.map((a) => a.title)).toEqual(['高龄津贴申领提醒'])

    const res = await withdraw(as.district, everyone.id)
    expect(res.statusCode).toBe(200)
    expect(announcementListSchema.parse(res.json()).items.find((a) => a.id === everyone.id)?.withdrawnAt).toEqual(expect.any(String))
    for (const resident of [as.hongqi, as.hangkong, as.nowhere]) expect((await mine(resident)).items).toEqual([])
    expect((await withdraw(as.district, 'an-missing')).statusCode).toBe(404)
  })

  it('leaves the first screen after its last day', async () => {
    expect((await publish(as.district, live({ kind: 'facility', title: '凤凰路新设施开放', body: '凤凰路街道新的社区服务设施下周开放。' }))).statusCode).toBe(201)
    expect((await mine(as.hangkong)).items.map((a) => a.title)).toEqual(['凤凰路新设施开放'])
    t.clock.set(new Date(t.clock.now().getTime() + 7 * 86_400_000))
    try {
      expect((await mine(as.hangkong)).items.map((a) => a.title)).toEqual(['凤凰路新设施开放'])
      t.clock.set(new Date(t.clock.now().getTime() + 86_400_000))
      expect((await mine(as.hangkong)).items).toEqual([])
    } finally {
      t.clock.reset()
    }
  })
})
