import type { AdminOperator, OperatorCreate, OperatorEdit } from '@shared/admin'
import type { Kysely } from 'kysely'
import type { Database, OperatorTable } from '../db/schema'
import { DomainError, NotFoundError } from '../http/errors'
import { changedFields, recordAudit } from './audit'
import type { Actor } from './facility-admin.service'
import { findOperators } from './facility-admin.repository'
import { bumpCacheVersion } from '../db/cache-version'

// 运营方: the companies and social organisations that run facilities; their names show on every facility page.

async function operator(db: Kysely<Database>, id: string): Promise<AdminOperator> {
  const found = (await findOperators(db)).find((o) => o.id === id)
  if (!found) throw new NotFoundError('没有找到这个运营方')
  return found
}

const columnsOf = (edit: OperatorEdit): Partial<OperatorTable> => ({
  ...(edit.name !== undefined && { name: edit.name }),
  ...(edit.contact !== undefined && { contact: edit.contact }),
  ...(edit.licenceNo !== undefined && { licence_no: edit.licenceNo }),
})

export async function createOperator(db: Kysely<Database>, actor: Actor, input: OperatorCreate, now: Date): Promise<AdminOperator> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('operators').select('id').where('id', '=', input.id).executeTakeFirst()
    if (taken) throw new DomainError('already_registered', `编号 ${input.id} 已经被另一个运营方使用`)
    await trx.insertInto('operators').values({ id: input.id, sample: 0, name: input.name, contact: input.contact, licence_no: input.licenceNo }).execute()
    await recordAudit(trx, { ...auditOf(actor), entityId: input.id, action: 'create', before: null, after: input }, now)
    return operator(trx, input.id)
  })
}

export async function editOperator(db: Kysely<Database>, actor: Actor, id: string, edit: OperatorEdit, now: Date): Promise<AdminOperator> {
  const current = await operator(db, id)
  return db.transaction().execute(async (trx) => {
    // An edited record is the district's own, no longer sample data.
    await trx.updateTable('operators').set({ ...columnsOf(edit), sample: 0 }).where('id', '=', id).execute()
    const change = changedFields(current as Record<string, unknown>, edit as Record<string, unknown>)
    if (Object.keys(change.after).length > 0) {
      await recordAudit(trx, { ...auditOf(actor), entityId: id, action: 'edit', ...change }, now)
      // The operator's name is part of every facility page.
      await bumpCacheVersion(trx, 'facilities')
    }
    return operator(trx, id)
  })
}

const auditOf = (actor: Actor) => ({ userId: actor.userId, districtId: actor.scope.districtId, entity: 'operator' as const })
