import type { Transaction } from 'kysely'
import type { Database } from '../schema'

// Days without school in 阎良区, for 儿童托管's holiday sessions: the statutory holidays (国务院办公厅 notices) and
// the school breaks of the district's education bureau. The 2027 breaks are the usual ones, sample data to be
// checked against the bureau's published calendar: the district edits them in 设施管理 (规则) from then on.
export const SAMPLE_SCHOOL_BREAKS = [
  { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
  { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
  { from: '2027-01-16', to: '2027-02-21', name: '寒假' },
  { from: '2027-04-03', to: '2027-04-05', name: '清明节' },
  { from: '2027-05-01', to: '2027-05-05', name: '劳动节' },
  { from: '2027-07-10', to: '2027-08-31', name: '暑假' },
]

/** The district's school breaks, set up once with the district. */
export async function seedSchoolBreaks(trx: Transaction<Database>, districtId: string): Promise<void> {
  await trx
    .insertInto('school_breaks')
    .values(SAMPLE_SCHOOL_BREAKS.map((b) => ({ district_id: districtId, starts_on: b.from, ends_on: b.to, name: b.name })))
    .onConflict((oc) => oc.columns(['district_id', 'starts_on']).doNothing())
    .execute()
}
