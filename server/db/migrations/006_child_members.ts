import type { Kysely } from 'kysely'

// Children as family members (个人信息保护法 §28, §31): what a child's care needs, and the guardian's separate
// consent to it, recorded with its version and time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('family_members').addColumn('gender', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('allergies', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('health_notes', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('child_consent_version', 'text').execute()
  await db.schema.alterTable('family_members').addColumn('child_consent_at', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['child_consent_at', 'child_consent_version', 'health_notes', 'allergies', 'gender']) {
    await db.schema.alterTable('family_members').dropColumn(column).execute()
  }
}
