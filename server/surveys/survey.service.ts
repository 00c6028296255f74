import { randomUUID } from 'node:crypto'
import type { FunctionCode } from '@shared/functions'
import { FUNCTION_CODES } from '@shared/functions'
import {
  SURVEY_PRICES,
  SURVEY_TIMES,
  type Survey,
  type SurveyAnswer,
  type SurveyCreate,
  type SurveyPrice,
  type SurveyResults,
  type SurveyTally,
  type SurveyTime,
} from '@shared/survey'
import type { Kysely } from 'kysely'
import type { AdminScope } from '../admin/facility-admin.repository'
import { isGovernedStreet } from '../admin/governed-street'
import type { Database, UserRow } from '../db/schema'
import { DomainError, InvalidInputError, NotFoundError } from '../http/errors'
import { addDays, shanghaiDate } from '../time/shanghai'
import { type SurveyRow, answeredBy, findSurveys, streetCommunities, surveyAnswers } from './survey.repository'

/** How far ahead a survey may run: long enough for a neighbourhood to hear of it, short enough to still be current. */
const MAX_OPEN_DAYS = 92

type Governed = AdminScope

const isClosed = (row: SurveyRow, today: string) => row.closed_at !== null || today > row.closes_on

const zeroes = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>
const emptyTally = (): SurveyTally => ({ responses: 0, services: zeroes(FUNCTION_CODES), times: zeroes(SURVEY_TIMES), prices: zeroes(SURVEY_PRICES) })

function add(tally: SurveyTally, answer: { services: FunctionCode[]; times: SurveyTime[]; price: SurveyPrice }): void {
  tally.responses++
  for (const s of answer.services) tally.services[s]++
  for (const t of answer.times) tally.times[t]++
  tally.prices[answer.price]++
}

/** The counts of a survey, in all and per community (every community of the street, answered or not). */
export async function tallySurvey(db: Kysely<Database>, row: SurveyRow, withTexts: boolean): Promise<SurveyResults> {
  const [answers, communities] = await Promise.all([surveyAnswers(db, row.id), streetCommunities(db, [row.street_id])])
  const total = emptyTally()
  const byCommunity = new Map(communities.map((c) => [c.id, { communityId: c.id, communityName: c.name, ...emptyTally() }]))
  for (const a of answers) {
    const answer = { services: JSON.parse(a.services) as FunctionCode[], times: JSON.parse(a.times) as SurveyTime[], price: a.price as SurveyPrice }
    add(total, answer)
    const community = byCommunity.get(a.community_id)
    if (community) add(community, answer)
  }
  return {
    total,
    communities: [...byCommunity.values()],
    ...(withTexts ? { texts: answers.filter((a) => a.text).map((a) => ({ communityName: a.community_name, text: a.text as string })) } : {}),
  }
}

async function toSurvey(db: Kysely<Database>, row: SurveyRow, today: string, view: { staff: boolean; answered?: boolean }): Promise<Survey> {
  const closed = isClosed(row, today)
  const communities = await streetCommunities(db, [row.street_id])
  return {
    id: row.id,
    streetId: row.street_id,
    streetName: row.street_name,
    title: row.title,
    intro: row.intro,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    closed,
    responses: row.responses,
    ...(view.answered === undefined ? {} : { answered: view.answered }),
    communities: communities.map((c) => ({ id: c.id, name: c.name })),
    // Residents see the counts once the survey is closed (an open one's counts would sway the answers still coming).
    results: view.staff || closed ? await tallySurvey(db, row, view.staff) : null,
  }
}

/** 需求征集 a resident can answer or read: every survey, with whether this resident has answered. */
export async function listSurveysForResident(db: Kysely<Database>, user: UserRow, now: Date): Promise<Survey[]> {
  const rows = await findSurveys(db)
  const answered = await answeredBy(db, user.id, rows.map((r) => r.id))
  const today = shanghaiDate(now)
  return Promise.all(rows.map((r) => toSurvey(db, r, today, { staff: false, answered: answered.has(r.id) })))
}

export async function surveyForResident(db: Kysely<Database>, user: UserRow, id: string, now: Date): Promise<Survey> {
  const [row] = await findSurveys(db, { id })
  if (!row) throw new NotFoundError('没有找到这份需求征集')
  const answered = await answeredBy(db, user.id, [id])
  return toSurvey(db, row, shanghaiDate(now), { staff: false, answered: answered.has(id) })
}

/** One answer per resident and survey, while it is open, from a community of the survey's street. */
export async function answerSurvey(db: Kysely<Database>, user: UserRow, id: string, input: SurveyAnswer, now: Date): Promise<Survey> {
  const [row] = await findSurveys(db, { id })
  if (!row) throw new NotFoundError('没有找到这份需求征集')
  const today = shanghaiDate(now)
  if (isClosed(row, today)) throw new DomainError('survey_closed', `这份需求征集已于 ${row.closes_on} 截止，可以查看结果`)
  const community = await db
    .selectFrom('communities')
    .select('id')
    .where('id', '=', input.communityId)
    .where('street_id', '=', row.street_id)
    .executeTakeFirst()
  if (!community) throw new InvalidInputError('communityId', `请选择${row.street_name}的社区`)
  const inserted = await db
    .insertInto('survey_answers')
    .values({
      survey_id: id,
      user_id: user.id,
      community_id: community.id,
      services: JSON.stringify(input.services),
      times: JSON.stringify(input.times),
      price: input.price,
      text: input.text || null,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['survey_id', 'user_id']).doNothing())
    .executeTakeFirst()
  if (inserted.numInsertedOrUpdatedRows !== 1n) throw new DomainError('already_answered', '您已经填写过这份需求征集，每人填写一次')
  return surveyForResident(db, user, id, now)
}

/** The surveys a street office (its own streets) or the district (every street) runs, with their counts. */
export async function listGovernedSurveys(db: Kysely<Database>, scope: Governed, now: Date): Promise<Survey[]> {
  const rows = await findSurveys(db, scope)
  const today = shanghaiDate(now)
  return Promise.all(rows.map((r) => toSurvey(db, r, today, { staff: true })))
}

export async function governedSurvey(db: Kysely<Database>, scope: Governed, id: string, now: Date): Promise<Survey> {
  const [row] = await findSurveys(db, { ...scope, id })
  // Another street's survey is "not found", as one that does not exist.
  if (!row) throw new NotFoundError('没有找到这份需求征集')
  return toSurvey(db, row, shanghaiDate(now), { staff: true })
}

/** A street office opens a survey of its own street's communities, from today to the day it names. */
export async function openSurvey(db: Kysely<Database>, scope: Governed, userId: string, input: SurveyCreate, now: Date): Promise<Survey> {
  if (!(await isGovernedStreet(db, scope, input.streetId))) throw new InvalidInputError('streetId', '只能为本街道的社区发起需求征集')
  const today = shanghaiDate(now)
  if (input.closesOn < today) throw new InvalidInputError('closesOn', '截止日期不能早于今天')
  if (input.closesOn > addDays(today, MAX_OPEN_DAYS)) throw new InvalidInputError('closesOn', `截止日期最多在 ${MAX_OPEN_DAYS} 天以后`)
  const id = `sv-${randomUUID()}`
  await db
    .insertInto('surveys')
    .values({
      id,
      street_id: input.streetId,
      title: input.title,
      intro: input.intro || null,
      opens_on: today,
      closes_on: input.closesOn,
      closed_at: null,
      created_by: userId,
      created_at: now.toISOString(),
    })
    .execute()
  return governedSurvey(db, scope, id, now)
}

/** Closes a survey before its last day: no more answers, and residents see the results. */
export async function closeSurvey(db: Kysely<Database>, scope: Governed, id: string, now: Date): Promise<Survey> {
  const survey = await governedSurvey(db, scope, id, now)
  if (!survey.closed) await db.updateTable('surveys').set({ closed_at: now.toISOString() }).where('id', '=', id).where('closed_at', 'is', null).execute()
  return governedSurvey(db, scope, id, now)
}
