import ExcelJS from 'exceljs'
import { surveyListSchema, surveySchema } from '@shared/survey'
import { addDays, shanghaiDate } from '../../server/time/shanghai'
import { devLogin, errorOf, staffLogin, useTestApp } from '../support/app'
import { DATABASES } from '../support/databases'

type Headers = { authorization: string }

// 需求征集: a street office asks its communities what they need; residents answer once; the counts per community go
// to the street (with the residents' own words) and, once closed, to the residents (counts only).
describe.each(DATABASES)('需求征集 on %s', (database) => {
  const t = useTestApp(database)
  const as = {} as Record<'street' | 'otherStreet' | 'district' | 'resident' | 'neighbour', Headers>
  const communities: Record<string, string> = {}
  let surveyId = ''

  beforeAll(async () => {
    as.street = await staffLogin(t, 'survey-street', 'street', 'yl-xinhualu')
    as.otherStreet = await staffLogin(t, 'survey-other-street', 'street', 'yl-zhenxing')
    as.district = await staffLogin(t, 'survey-district', 'district', 'xa-yanliang')
    as.resident = await devLogin(t.app, 'survey-resident')
    as.neighbour = await devLogin(t.app, 'survey-neighbour')
    for (const c of await t.store.db.kysely.selectFrom('communities').select(['id', 'name', 'street_id']).execute()) communities[c.name] = c.id
  })

  const community = (name: string) => communities[name]
  const today = () => shanghaiDate(t.clock.now())
  const open = (headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: '/api/admin/surveys', headers, payload })
  const answer = (headers: Headers, id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/surveys/${id}/answers`, headers, payload })
  const good = () => ({ communityId: community('红旗社区'), services: ['meal', 'elderly_care'], times: ['weekday_morning'], price: 'up_to_10', text: '希望周末也有午餐' })

  it('is opened by a street office for its own street only, with a Chinese reason for each bad field and nothing stored', async () => {
    const res = await open(as.street, { streetId: 'yl-xinhualu', title: '2027 年社区服务需求征集', intro: '请告诉我们您家需要什么服务', closesOn: addDays(today(), 14) })
    expect(res.statusCode).toBe(201)
    const survey = surveySchema.parse(res.json())
    surveyId = survey.id
    expect(survey).toMatchObject({ streetName: '新华路街道', opensOn: today(), closed: false, responses: 0 })
    expect(survey.communities.map((c) => c.name).sort()).toEqual(['人民东路社区', '凌云社区', '红旗社区'])

    const other = await open(as.otherStreet, { streetId: 'yl-xinhualu', title: '别的街道来发起', closesOn: addDays(today(), 14) })
    expect(other.statusCode).toBe(400)
    expect(errorOf(other.body)).toMatchObject({ field: 'streetId' })
    for (const [payload, field] of [
      [{ streetId: 'yl-xinhualu', title: '短', closesOn: addDays(today(), 3) }, 'title'],
      [{ streetId: 'yl-xinhualu', title: '需求征集一下', closesOn: addDays(today(), -1) }, 'closesOn'],
      [{ streetId: 'yl-xinhualu', title: '需求征集一下', closesOn: addDays(today(), 400) }, 'closesOn'],
      [{ streetId: 'yl-xinhualu', title: '需求征集一下', closesOn: '2027-02-30' }, 'closesOn'],
    ] as const) {
      const bad = await open(as.street, payload)
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad.body).field).toBe(field)
      expect(errorOf(bad.body).message).toMatch(/[\u4e00-\u9fa5]/)
    }
    const listed = surveyListSchema.parse((await t.app.inject({ url: '/api/admin/surveys', headers: as.street })).json()).items
    expect(listed.map((s) => s.id)).toEqual([surveyId])
    expect(surveyListSchema.parse((await t.app.inject({ url: '/api/admin/surveys', headers: as.otherStreet })).json()).items).toEqual([])
    expect((await t.app.inject({ url: `/api/admin/surveys/${surveyId}/export?format=xlsx`, headers: as.otherStreet })).statusCode).toBe(404)
  })

  it('takes one answer per resident, from a community of the survey’s street; a double tap answers once', async () => {
    const [first, twin] = await Promise.all([answer(as.resident, surveyId, good()), answer(as.resident, surveyId, good())])
    expect([first.statusCode, twin.statusCode].sort()).toEqual([201, 409])
    const again = await answer(as.resident, surveyId, { ...good(), price: 'free' })
    expect(again.statusCode).toBe(409)
    expect(errorOf(again.body)).toMatchObject({ code: 'already_answered' })

    const elsewhere = await answer(as.neighbour, surveyId, { ...good(), communityId: community('航空二路社区') })
    expect(elsewhere.statusCode).toBe(400)
    expect(errorOf(elsewhere.body)).toMatchObject({ field: 'communityId' })
    for (const [payload, field] of [
      [{ ...good(), services: [] }, 'services'],
      [{ ...good(), services: ['meal', 'meal'] }, 'services'],
      [{ ...good(), times: ['midnight'] }, 'times'],
      [{ ...good(), price: 'cheap' }, 'price'],
      [{ ...good(), text: '很'.repeat(301) }, 'text'],
    ] as const) {
      const bad = await answer(as.neighbour, surveyId, payload)
      expect(bad.statusCode).toBe(400)
      // The field, or the item in it (`times.0`).
      expect(errorOf(bad.body).field?.split('.')[0]).toBe(field)
    }
    const stored = await t.store.db.kysely.selectFrom('survey_answers').selectAll().where('survey_id', '=', surveyId).execute()
    expect(stored).toHaveLength(1)

    const neighbour = await answer(as.neighbour, surveyId, { communityId: community('人民东路社区'), services: ['meal', 'child_care'], times: ['weekend', 'weekday_evening'], price: 'up_to_30' })
    expect(neighbour.statusCode).toBe(201)
    const seen = surveySchema.parse(neighbour.json())
    // An open survey's counts are the street's: residents see them once it is closed.
    expect(seen).toMatchObject({ answered: true, responses: 2, results: null })
    // 导出我的数据 carries the answer.
    const exported = await t.app.inject({ url: '/api/me/export', headers: as.resident })
    expect(exported.json().surveyAnswers).toEqual([
      expect.objectContaining({ surveyId, communityName: '红旗社区', services: ['meal', 'elderly_care'], price: 'up_to_10', text: '希望周末也有午餐' }),
    ])
  })

  it('gives the street office the counts per community and the residents’ words, in the app and as a spreadsheet', async () => {
    const survey = surveySchema.parse((await t.app.inject({ url: '/api/admin/surveys', headers: as.district })).json().items[0])
    expect(survey.id).toBe(surveyId)
    const results = survey.results!
    expect(results.total).toMatchObject({ responses: 2, services: { meal: 2, elderly_care: 1, child_care: 1, culture: 0 }, prices: { up_to_10: 1, up_to_30: 1 } })
    expect(results.communities.find((c) => c.communityName === '红旗社区')).toMatchObject({ responses: 1, times: { weekday_morning: 1, weekend: 0 } })
    expect(results.communities.find((c) => c.communityName === '人民东路社区')).toMatchObject({ responses: 1, times: { weekend: 1, weekday_evening: 1 } })
    expect(results.texts).toEqual([{ communityName: '红旗社区', text: '希望周末也有午餐' }])

    const res = await t.app.inject({ url: `/api/admin/surveys/${surveyId}/export?format=xlsx`, headers: as.street })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('需求统计')!
    const header = (sheet.getRow(3).values as unknown[]).slice(1)
    const rowOf = (name: string) => {
      for (let i = 4; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === name) return (sheet.getRow(i).values as unknown[]).slice(1)
      throw new Error(`no row ${name}`)
    }
    const mealColumn = header.indexOf('需要：社区助餐')
    expect(mealColumn).toBeGreaterThan(0)
    expect(rowOf('红旗社区')[mealColumn]).toBe(1)
    expect(rowOf('合计')[mealColumn]).toBe(2)
    expect(rowOf('合计')[1]).toBe(2)
    expect(book.getWorksheet('其他想法')!.getRow(2).getCell(2).value).toBe('希望周末也有午餐')
    expect((await t.app.inject({ url: `/api/admin/surveys/${surveyId}/export?format=pdf`, headers: as.street })).statusCode).toBe(400)
  })

  it('once closed takes no answer and shows residents the counts without anyone’s words', async () => {
    const late = await devLogin(t.app, 'survey-late')
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/surveys/${surveyId}/close`, headers: as.otherStreet })).statusCode).toBe(404)
    const closed = await t.app.inject({ method: 'POST', url: `/api/admin/surveys/${surveyId}/close`, headers: as.street })
    expect(closed.statusCode).toBe(200)
    expect(surveySchema.parse(closed.json()).closed).toBe(true)

    const refused = await answer(late, surveyId, good())
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body)).toMatchObject({ code: 'survey_closed' })
    const seen = surveySchema.parse((await t.app.inject({ url: `/api/surveys/${surveyId}`, headers: late })).json())
    expect(seen).toMatchObject({ closed: true, answered: false, results: { total: { responses: 2 } } })
    expect(seen.results?.texts).toBeUndefined()
    expect(JSON.stringify(seen)).not.toContain('希望周末也有午餐')
  })

  it('keeps a deleted account’s answer counted, without its words', async () => {
    const resident = await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: as.resident, payload: { confirm: true } })
    expect(resident.statusCode).toBe(204)
    const rows = await t.store.db.kysely.selectFrom('survey_answers').select(['text', 'services']).where('survey_id', '=', surveyId).execute()
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.text)).toEqual([null, null])
  })
})
