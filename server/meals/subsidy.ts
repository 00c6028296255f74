import { SUBSIDY_CATEGORY_NAMES, type SubsidyCategory } from '@shared/member'
import { ageOn } from '../time/shanghai'

/**
 * The district's meal-subsidy tiers (老年助餐, 民发〔2023〕58号 and city practice): by age, or by 低保 / 特困 /
 * 低收入 status once staff verified it. Amounts and ages are data (`subsidy_tiers`).
 */
export interface SubsidyTier {
  name: string
  minAge: number
  maxAge: number | null
  category: SubsidyCategory | null
  amountFen: number
}

/** What the subsidy needs to know of the person the meal is for. */
export interface Beneficiary {
  birthDate: string | null
  districtId: string | null
  subsidyCategory: SubsidyCategory | null
  subsidyVerified: boolean
}

export interface TierChoice {
  tier: SubsidyTier | null
  /** Why no tier (or a better one) applies, in words for the resident. */
  notes: string[]
}

/**
 * The best tier for a beneficiary on the service day. Age is taken on the service day, so a resident who
 * turns 80 on Thursday gets the 80+ amount for Thursday's lunch. The subsidy applies only in the district the
 * person lives in.
 */
export function chooseTier(
  tiers: readonly SubsidyTier[],
  person: Beneficiary | null,
  serviceDate: string,
  facilityDistrictId: string,
): TierChoice {
  if (!person?.birthDate) {
    return { tier: null, notes: ['未登记出生日期，不能计算助餐补贴；可在「我的 · 家庭成员」添加本人信息'] }
  }
  if (person.districtId !== facilityDistrictId) {
    return { tier: null, notes: ['助餐补贴只在居住地所在区县使用，本单按原价计算'] }
  }
  const age = ageOn(person.birthDate, serviceDate)
  const notes: string[] = []
  const fits = (t: SubsidyTier) => age >= t.minAge && (t.maxAge === null || age <= t.maxAge)
  const eligible = tiers.filter((t) => {
    if (!fits(t)) return false
    if (t.category === null) return true
    return t.category === person.subsidyCategory && person.subsidyVerified
  })
  const pending = person.subsidyCategory !== null && !person.subsidyVerified
  if (pending) notes.push(`${SUBSIDY_CATEGORY_NAMES[person.subsidyCategory!]}补贴待工作人员核实后生效`)
  const best = eligible.reduce<SubsidyTier | null>((a, t) => (a && a.amountFen >= t.amountFen ? a : t), null)
  if (!best) {
    const youngest = Math.min(...tiers.filter((t) => t.category === null).map((t) => t.minAge))
    if (Number.isFinite(youngest) && age < youngest) notes.push(`年满 ${youngest} 周岁可享受助餐补贴`)
  }
  return { tier: best, notes }
}
