import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** A district's school breaks (寒假, 暑假, holidays without school), each from its first to its last day. */
export interface SchoolBreak {
  from: string
  to: string
  name: string
}

export const isSchoolHoliday = (date: string, breaks: readonly SchoolBreak[]): boolean =>
  breaks.some((b) => date >= b.from && date <= b.to)

/** A school day: Monday to Friday, not in a break. */
export function isSchoolDay(date: string, breaks: readonly SchoolBreak[]): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !isSchoolHoliday(date, breaks)
}

export async function findSchoolBreaks(db: Kysely<Database>, districtId: string): Promise<SchoolBreak[]> {
  const rows = await db.selectFrom('school_breaks').selectAll().where('district_id', '=', districtId).orderBy('starts_on').execute()
  return rows.map((r) => ({ from: r.starts_on, to: r.ends_on, name: r.name }))
}
