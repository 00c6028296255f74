import { type AdminFacility, type FacilityCreate, type FacilityEdit, STRAY_FUNCTION_HOURS, strayFunctionHours } from '@shared/admin'
import type { FunctionHours } from '@shared/facility'
import type { Kysely, Updateable } from 'kysely'
import type { Database, FacilityTable } from '../db/schema'
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../http/errors'
import { changedFields, recordAudit } from './audit'
import { type AdminScope, findAdminFacilities, findOperators, findScopedCommunities } from './facility-admin.repository'
import { bumpCacheVersion } from '../db/cache-version'

// The district (or a street office, for its own streets) enters and keeps its facilities. Every write is one
// transaction with its audit entry and the directory's version, so no instance serves a stale directory and no
// change goes unrecorded.

export interface Actor {
  userId: string
  scope: AdminScope
}

export async function listAdminFacilities(db: Kysely<Database>, scope: AdminScope) {
  const [facilities, communities, operators] = await Promise.all([
    findAdminFacilities(db, scope),
    findScopedCommunities(db, scope),
    findOperators(db),
  ])
  return { facilities, communities, operators: operators.map(({ id, name }) => ({ id, name })) }
}

async function facilityInScope(db: Kysely<Database>, scope: AdminScope, id: string): Promise<AdminFacility> {
  const [facility] = await findAdminFacilities(db, scope, id)
  if (facility) return facility
  const exists = await db.selectFrom('facilities').select('id').where('id', '=', id).executeTakeFirst()
  // A facility of another street or district is not this clerk's to see, let alone change.
  if (exists) throw new ForbiddenError('这个设施不归您管理')
  throw new NotFoundError('没有找到这个设施')
}

async function assertReferences(db: Kysely<Database>, scope: AdminScope, edit: FacilityEdit): Promise<void> {
  if (edit.communityId !== undefined) {
    const communities = await findScopedCommunities(db, scope)
    if (!communities.some((c) => c.id === edit.communityId)) throw new InvalidInputError('communityId', '不是您管辖范围内的社区')
  }
  if (edit.operatorId) {
    const operator = await db.selectFrom('operators').select('id').where('id', '=', edit.operatorId).executeTakeFirst()
    if (!operator) throw new InvalidInputError('operatorId', '没有这个运营方，请先在「运营方」中添加')
  }
}

/** The columns an edit writes; a typed or map-picked position is a surveyed one. */
function toColumns(edit: FacilityEdit): Updateable<FacilityTable> {
  const columns: Updateable<FacilityTable> = {}
  if (edit.name !== undefined) columns.name = edit.name
  if (edit.communityId !== undefined) columns.community_id = edit.communityId
  if (edit.address !== undefined) columns.address = edit.address
  if (edit.areaSqm !== undefined) columns.area_sqm = edit.areaSqm
  if (edit.year !== undefined) columns.year = edit.year
  if (edit.investmentWan !== undefined) columns.investment_wan = edit.investmentWan
  if (edit.operatingModels !== undefined) columns.operating_models = JSON.stringify(edit.operatingModels)
  if (edit.operatorId !== undefined) columns.operator_id = edit.operatorId
  if (edit.phone !== undefined) columns.phone = edit.phone
  if (edit.hours !== undefined) columns.hours = JSON.stringify(edit.hours)
  if (edit.isReserve !== undefined) columns.is_reserve = edit.isReserve ? 1 : 0
  if (edit.lat !== undefined && edit.lng !== undefined) {
    columns.lat = edit.lat
    columns.lng = edit.lng
    columns.coordinates_approximate = 0
  }
  return columns
}

/** A facility's functions, each with its own hours where it keeps them (a function taken off takes its hours along). */
async function writeFunctions(trx: Kysely<Database>, facilityId: string, functions: string[], functionHours: FunctionHours[]): Promise<void> {
  await trx.deleteFrom('facility_functions').where('facility_id', '=', facilityId).execute()
  const unique = [...new Set(functions)]
  const hoursOf = (code: string) => functionHours.find((f) => f.function === code)?.hours
  await trx
    .insertInto('facility_functions')
    .values(unique.map((code) => ({ facility_id: facilityId, function_code: code, hours: hoursOf(code) ? JSON.stringify(hoursOf(code)) : null })))
    .execute()
}

export async function createFacility(db: Kysely<Database>, actor: Actor, input: FacilityCreate, now: Date): Promise<AdminFacility> {
  await assertReferences(db, actor.scope, input)
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('facilities').select('id').where('id', '=', input.id).executeTakeFirst()
    if (taken) throw new DomainError('already_registered', `编号 ${input.id} 已经被另一个设施使用`, { field: 'id' })
    return insertFacility(trx, actor, input, now)
  })
}

/** Inside the caller's transaction: the row, its functions, the audit entry and the directory's version. */
export async function insertFacility(trx: Kysely<Database>, actor: Actor, input: FacilityCreate, now: Date): Promise<AdminFacility> {
  await trx
    .insertInto('facilities')
    .values({
      id: input.id,
      community_id: input.communityId,
      name: input.name,
      address: input.address,
      area_sqm: input.areaSqm,
      year: input.year,
      investment_wan: input.investmentWan,
      operating_models: JSON.stringify(input.operatingModels),
      operator_id: input.operatorId,
      phone: input.phone,
      hours: JSON.stringify(input.hours),
      lat: input.lat,
      lng: input.lng,
      coordinates_approximate: 0,
      is_reserve: input.isReserve ? 1 : 0,
      data_note: null,
      retired_at: null,
    })
    .execute()
  await writeFunctions(trx, input.id, input.functions, input.functionHours)
  const [created] = await findAdminFacilities(trx, { districtId: actor.scope.districtId }, input.id)
  await recordAudit(trx, { ...auditOf(actor), entityId: input.id, action: 'create', before: null, after: input }, now)
  await bumpCacheVersion(trx, 'facilities')
  return created
}

export async function editFacility(db: Kysely<Database>, actor: Actor, id: string, edit: FacilityEdit, now: Date): Promise<AdminFacility> {
  const current = await facilityInScope(db, actor.scope, id)
  if (current.retiredAt) throw new DomainError('not_applicable', '这个设施已停用，请先恢复再修改')
  await assertReferences(db, actor.scope, edit)
  const stray = edit.functionHours ? strayFunctionHours(edit.functions ?? current.functions, edit.functionHours) : -1
  if (stray >= 0) throw new InvalidInputError(`functionHours.${stray}.function`, STRAY_FUNCTION_HOURS)
  return db.transaction().execute((trx) => updateFacility(trx, actor, current, edit, now))
}

/** Inside the caller's transaction: writes what changed, and audits it if anything did. */
export async function updateFacility(trx: Kysely<Database>, actor: Actor, current: AdminFacility, edit: FacilityEdit, now: Date): Promise<AdminFacility> {
  const id = current.id
  const columns = toColumns(edit)
  if (Object.keys(columns).length > 0) await trx.updateTable('facilities').set(columns).where('id', '=', id).execute()
  if (edit.functions || edit.functionHours) {
    const functions = edit.functions ?? current.functions
    await writeFunctions(trx, id, functions, (edit.functionHours ?? current.functionHours).filter((f) => functions.includes(f.function)))
  }
  const [updated] = await findAdminFacilities(trx, { districtId: actor.scope.districtId }, id)
  const change = changedFields(current as Record<string, unknown>, edit as Record<string, unknown>)
  if (Object.keys(change.after).length > 0) {
    await recordAudit(trx, { ...auditOf(actor), entityId: id, action: 'edit', ...change }, now)
    await bumpCacheVersion(trx, 'facilities')
  }
  return updated
}

/** Out of service: gone from the directory and from booking; its bookings, ratings and evaluation history stay. */
export async function setFacilityRetired(db: Kysely<Database>, actor: Actor, id: string, retired: boolean, now: Date): Promise<AdminFacility> {
  const current = await facilityInScope(db, actor.scope, id)
  if (Boolean(current.retiredAt) === retired) return current
  return db.transaction().execute(async (trx) => {
    const retiredAt = retired ? now.toISOString() : null
    await trx.updateTable('facilities').set({ retired_at: retiredAt }).where('id', '=', id).execute()
    const action = retired ? 'retire' : 'reopen'
    await recordAudit(trx, { ...auditOf(actor), entityId: id, action, before: { retiredAt: current.retiredAt }, after: { retiredAt } }, now)
    await bumpCacheVersion(trx, 'facilities')
    return { ...current, retiredAt }
  })
}

const auditOf = (actor: Actor) => ({ userId: actor.userId, districtId: actor.scope.districtId, entity: 'facility' as const })
