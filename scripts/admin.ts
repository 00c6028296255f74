// The administrator's commands; staff accounts are granted here, never through the API.
//
//   npm run admin -- grant operator <user id or openid> <operator id>   operator staff of that operator's facilities
//   npm run admin -- grant street   <user id or openid> <street id>     street-office staff (oversees its facilities)
//   npm run admin -- grant district <user id or openid> <district id>   district staff
//   npm run admin -- list                                               the bindings
//
// The user must have signed in once (in the H5 demo the id is shown under 我的 · 账号编号).
import { loadConfig } from '../server/config'
import { connect } from '../server/db/connection'
import { migrateToLatest } from '../server/db/migrate'
import type { ScopeKind } from '../server/staff/staff-binding.repository'
import { grantStaff } from '../server/staff/staff-grants'

const KINDS: ScopeKind[] = ['operator', 'street', 'district']

async function main(): Promise<void> {
  const [command, kind, user, scopeId] = process.argv.slice(2)
  const db = connect(loadConfig().DATABASE_URL)
  try {
    await migrateToLatest(db)
    if (command === 'grant' && KINDS.includes(kind as ScopeKind) && user && scopeId) {
      const { userId } = await grantStaff(db.kysely, { user, scopeKind: kind as ScopeKind, scopeId, grantedBy: 'admin-cli' }, new Date())
      console.log(`granted: user ${userId} → ${kind} ${scopeId}`)
    } else if (command === 'list') {
      const rows = await db.kysely.selectFrom('staff_bindings').selectAll().orderBy('granted_at').execute()
      for (const r of rows) console.log(`${r.user_id}\t${r.scope_kind}\t${r.scope_id}\t${r.granted_by}\t${r.granted_at}`)
    } else {
      console.error('usage: npm run admin -- grant <operator|street|district> <user id or openid> <scope id> | list')
      process.exitCode = 2
    }
  } finally {
    await db.close()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
