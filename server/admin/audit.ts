import { randomUUID } from 'node:crypto'
import type { AuditAction, AuditEntity, AuditEntry } from '@shared/admin'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { toShanghaiIso } from '../time/shanghai'

export interface AuditRecord {
  userId: string
  districtId: string
  entity: AuditEntity
  entityId: string
  action: AuditAction
  /** Only the fields that changed, before and after: what a reader of the log needs, not the whole row. */
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export async function recordAudit(db: Kysely<Database>, record: AuditRecord, now: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      user_id: record.userId,
      district_id: record.districtId,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before: record.before ? JSON.stringify(record.before) : null,
      after: record.after ? JSON.stringify(record.after) : null,
    })
    .execute()
}

/** The fields of `after` whose value differs from `before`, each side as it was and as it is. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {}
  const now: Partial<T> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    was[key] = before[key]
    now[key] = after[key]
  }
  return { before: was, after: now }
}

/** The district's log, newest first; a street office reads the entries about its own facilities. */
export async function listAudit(db: Kysely<Database>, districtId: string, facilityIds: string[] | undefined, limit = 200): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('district_id', '=', districtId)
  if (facilityIds) query = query.where('entity', '=', 'facility').where('entity_id', 'in', facilityIds.length > 0 ? facilityIds : [''])
  const rows = await query.orderBy('at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    // Instants go out in Shanghai time (+08:00), as everywhere in the API: the client reads them without a zone.
    at: toShanghaiIso(new Date(r.at)),
    userId: r.user_id,
    entity: r.entity as AuditEntity,
    entityId: r.entity_id,
    action: r.action as AuditAction,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  }))
}
