import type { Kysely, Selectable } from 'kysely'
import type { Database, SurveyTable } from '../db/schema'

export type SurveyRow = Selectable<SurveyTable> & { street_name: string; responses: number }

/** Surveys, newest first: of a district and only these streets' when given (staff), or every one (residents). */
export function findSurveys(db: Kysely<Database>, { districtId, streetIds, id }: { districtId?: string; streetIds?: string[]; id?: string } = {}) {
  let query = db
    .selectFrom('surveys as v')
    .innerJoin('streets as s', 's.id', 'v.street_id')
    .selectAll('v')
    .select((eb) => [
      's.name as street_name',
      eb.selectFrom('survey_answers as a').whereRef('a.survey_id', '=', 'v.id').select((e) => e.fn.countAll<number>().as('n')).as('responses'),
    ])
  if (districtId) query = query.where('s.district_id', '=', districtId)
  if (streetIds) query = query.where('v.street_id', 'in', streetIds.length > 0 ? streetIds : [''])
  if (id) query = query.where('v.id', '=', id)
  return query
    .orderBy('v.created_at', 'desc')
    .limit(100)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) }) as SurveyRow))
}

export function streetCommunities(db: Kysely<Database>, streetIds: string[]) {
  if (streetIds.length === 0) return Promise.resolve([])
  return db.selectFrom('communities').select(['id', 'name', 'street_id']).where('street_id', 'in', streetIds).orderBy('name').execute()
}

export function surveyAnswers(db: Kysely<Database>, surveyId: string) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('communities as c', 'c.id', 'a.community_id')
    .select(['a.community_id', 'c.name as community_name', 'a.services', 'a.times', 'a.price', 'a.text', 'a.created_at'])
    .where('a.survey_id', '=', surveyId)
    .orderBy('a.created_at')
    .execute()
}

export async function answeredBy(db: Kysely<Database>, userId: string, surveyIds: string[]): Promise<Set<string>> {
  if (surveyIds.length === 0) return new Set()
  const rows = await db.selectFrom('survey_answers').select('survey_id').where('user_id', '=', userId).where('survey_id', 'in', surveyIds).execute()
  return new Set(rows.map((r) => r.survey_id))
}
