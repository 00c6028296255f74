import { createHash } from 'node:crypto'
import { type FacilityCreate, type FacilityEdit, type ImportResult, facilityCreateSchema } from '@shared/admin'
import { operatingModelSchema } from '@shared/facility'
import { FUNCTIONS } from '@shared/functions'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { type Actor, insertFacility, updateFacility } from './facility-admin.service'
import { findAdminFacilities } from './facility-admin.repository'
import { COLUMNS, type ColumnKey, readFacilitySheet } from './facility-sheet'
import { ImportRefusedError, problemAt } from './sheet'

const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>
const FUNCTION_CODE = new Map(FUNCTIONS.map((f) => [f.name, f.code]))
const split = (text: string) => text.split(/[、,，;；/\s]+/).filter(Boolean)
const number = (text: string) => (text === '' ? Number.NaN : Number(text))
// Functions are a set: the sheet's order is not a change.
const comparable = (key: string, value: unknown) => JSON.stringify(key === 'functions' && Array.isArray(value) ? [...value].sort() : value)
const pad = (clock: string) => clock.padStart(5, '0')
// A community named in the sheet gets a stable id from its street and name, so importing again finds it.
const communityIdOf = (streetId: string, name: string) => `c-${createHash('sha1').update(`${streetId}/${name}`).digest('hex').slice(0, 12)}`

/**
 * Reads the facility list, checks every row against the contract and the caller's streets, and only if no row has a
 * problem writes them all in one transaction: a new 编号 is created, a known one updated with what changed.
 */
export async function importFacilities(db: Kysely<Database>, actor: Actor, file: Buffer, now: Date): Promise<ImportResult> {
  const sheet = await readFacilitySheet(file)
  if ('problem' in sheet) throw new ImportRefusedError([sheet.problem])

  const streets = await db
    .selectFrom('streets')
    .select(['id', 'name'])
    .where('district_id', '=', actor.scope.districtId)
    .$if(actor.scope.streetIds !== undefined, (q) => q.where('id', 'in', actor.scope.streetIds?.length ? actor.scope.streetIds : ['']))
    .execute()
  const communities = await db.selectFrom('communities').select(['id', 'name', 'street_id']).execute()
  const operators = new Set((await db.selectFrom('operators').select('id').execute()).map((o) => o.id))
  const mine = new Map((await findAdminFacilities(db, actor.scope)).map((f) => [f.id, f]))
  const everyId = new Set((await db.selectFrom('facilities').select('id').execute()).map((f) => f.id))

  const problems: string[] = []
  const parsed: { input: FacilityCreate; community?: { id: string; name: string; streetId: string } }[] = []
  const seen = new Map<string, number>()
  for (const row of sheet.rows) {
    const say = (key: ColumnKey, reason: string) => problems.push(problemAt(row.line, HEADER[key], reason))
    const before = problems.length
    const c = row.cells
    const street = streets.find((s) => s.name === c.street)
    if (!street) say('street', c.street ? `「${c.street}」不是您管辖的街道` : '请填写街道')
    const known = street && communities.find((x) => x.street_id === street.id && x.name === c.community)
    const functions = split(c.functions).map((name) => {
      const code = FUNCTION_CODE.get(name)
      if (!code) say('functions', `不认识「${name}」，可选：${FUNCTIONS.map((f) => f.name).join('、')}`)
      return code
    })
    const models = split(c.operatingModels)
    for (const m of models) if (!operatingModelSchema.safeParse(m).success) say('operatingModels', `不认识「${m}」，可选：公建民营、民办公助、政府购买服务、公办民营`)
    const hours = c.hours.split(/[；;\n]+/).filter((s) => s.trim()).map((segment) => {
      const match = segment.trim().match(/^(.+?)\s*(\d{1,2}:\d{2})\s*[-—–~至到]\s*(\d{1,2}:\d{2})$/)
      if (!match) say('hours', `「${segment.trim()}」应写成 周一至周五 08:30-18:00`)
      return match ? { days: match[1].trim(), opens: pad(match[2]), closes: pad(match[3]) } : undefined
    })
    if (c.isReserve && !['是', '否'].includes(c.isReserve)) say('isReserve', '应填 是 或 否')
    if (c.operatorId && !operators.has(c.operatorId)) say('operatorId', `没有编号为 ${c.operatorId} 的运营方，请先在「运营方」中登记`)
    if (c.id && everyId.has(c.id) && !mine.has(c.id)) say('id', `${c.id} 已被您管辖范围以外的设施使用`)
    if (c.id && mine.get(c.id)?.retiredAt) say('id', `${c.id} 已停用，请先在「设施管理」中恢复`)
    if (c.id && seen.has(c.id)) say('id', `与第 ${seen.get(c.id)} 行重复`)
    if (c.id) seen.set(c.id, row.line)
    if (!c.community) say('community', '请填写社区')

    const candidate = {
      id: c.id,
      name: c.name,
      communityId: known ? known.id : street ? communityIdOf(street.id, c.community) : 'x',
      address: c.address,
      areaSqm: number(c.areaSqm),
      year: number(c.year),
      investmentWan: c.investmentWan === '' ? 0 : number(c.investmentWan),
      functions: functions.filter(Boolean),
      operatingModels: models,
      operatorId: c.operatorId || null,
      phone: c.phone || null,
      hours: hours.filter(Boolean),
      lat: number(c.lat),
      lng: number(c.lng),
      isReserve: c.isReserve === '是',
    }
    const checked = facilityCreateSchema.safeParse(candidate)
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0]) as ColumnKey
        // A problem already said in the sheet's own words (an unknown function name) is not said twice.
        if (problems.slice(before).some((p) => p.includes(` ${HEADER[key]}：`))) continue
        say(key in HEADER ? key : 'id', issue.message)
      }
      continue
    }
    if (problems.length > before) continue
    const community = !known && street ? { id: candidate.communityId, name: c.community, streetId: street.id } : undefined
    parsed.push({ input: checked.data, community })
  }
  if (problems.length > 0) throw new ImportRefusedError(problems)

  return db.transaction().execute(async (trx) => {
    const result: ImportResult = { created: [], updated: [], unchanged: [], newCommunities: [] }
    for (const { input, community } of parsed) {
      if (community && !result.newCommunities.includes(community.name)) {
        await trx
          .insertInto('communities')
          .values({ id: community.id, name: community.name, street_id: community.streetId, resettled: 0 })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute()
        result.newCommunities.push(community.name)
      }
      const current = mine.get(input.id)
      if (!current) {
        await insertFacility(trx, actor, input, now)
        result.created.push(input.id)
        continue
      }
      // The sheet has no column for a function's own hours: an import leaves them as they are.
      const { id: _id, functionHours: _hours, ...fields } = input
      const edit: FacilityEdit = Object.fromEntries(
        Object.entries(fields).filter(([key, value]) => comparable(key, value) !== comparable(key, current[key as keyof typeof current])),
      )
      if (Object.keys(edit).length === 0) {
        result.unchanged.push(input.id)
        continue
      }
      await updateFacility(trx, actor, current, edit, now)
      result.updated.push(input.id)
    }
    return result
  })
}
