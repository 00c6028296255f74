import { z } from 'zod'
import { idSchema } from './common'
import { calendarDateSchema, isCalendarDate } from './dates'

/** The consent text a resident accepts before a family member's details are stored; its version is recorded. */
export const MEMBER_CONSENT = {
  version: 'member-2026-11',
  text:
    '为给家人预约社区服务、计算助餐补贴和送餐，我们需要保存家人的姓名、出生日期、与您的关系，以及您自愿填写的' +
    '行动不便情况、饮食禁忌和送餐地址。这些信息只用于预约和提供服务，只有您和为您家人提供服务的设施工作人员能看到；' +
    '您可以随时修改或删除。我确认已取得家人同意。',
} as const

/**
 * The separate consent a guardian gives before a child's data is stored (个人信息保护法 §28, §31: everything about a
 * child under 14 is sensitive). Its version and the time are recorded with the child.
 */
export const CHILD_CONSENT = {
  version: 'child-2026-11',
  /** Under this age a member is a child in the law's sense. */
  underAge: 14,
  text:
    '您正在为不满十四周岁的孩子登记信息。孩子的姓名、出生日期、性别、过敏和健康情况属于敏感个人信息，我们只用于托育、托管的' +
    '预约和照护，只有为孩子提供服务的设施工作人员能看到，不会用于其他目的。您作为监护人可以随时更正或删除；删除后孩子的信息' +
    '会被彻底清除，已有预约只保留区里必须保存的统计信息，不再能识别孩子。我是孩子的父母或其他监护人，同意上述处理。',
} as const

export const GENDERS = ['female', 'male'] as const
export const GENDER_NAMES: Record<(typeof GENDERS)[number], string> = { female: '女', male: '男' }

export const SUBSIDY_CATEGORIES = ['dibao', 'tekun', 'low_income'] as const
export const subsidyCategorySchema = z.enum(SUBSIDY_CATEGORIES, { error: '补贴身份应为 低保、特困 或 低收入' })
export type SubsidyCategory = z.infer<typeof subsidyCategorySchema>
export const SUBSIDY_CATEGORY_NAMES: Record<SubsidyCategory, string> = {
  dibao: '低保',
  tekun: '特困',
  low_income: '低收入',
}

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 个字` })

/** The relation that means the account holder: booking "for myself" books for this member once registered. */
export const SELF_RELATION = '本人'

/** Nobody we serve was born before this day. */
export const EARLIEST_BIRTH_DATE = '1900-01-01'

/**
 * Why a birth date cannot be right on `today` (Asia/Shanghai), or undefined: the one rule the form checks as the
 * resident types and the server checks, with its own clock, before saving.
 */
export function birthDateIssue(date: string, today: string): string | undefined {
  if (!isCalendarDate(date)) return '没有这一天，请核对年月日'
  if (date < EARLIEST_BIRTH_DATE) return '出生日期不能早于 1900 年'
  if (date > today) return '出生日期不能晚于今天'
  return undefined
}

const memberFields = {
  name: text('姓名', 20),
  /** 本人, 父亲, 母亲, 配偶 … as the resident says it. */
  relation: text('关系', 10),
  // Not after today is checked by the server with its clock (`birthDateIssue`); a schema has no clock.
  birthDate: calendarDateSchema.refine((d) => d >= EARLIEST_BIRTH_DATE, { error: '出生日期不能早于 1900 年' }),
  mobilityNeed: z.boolean({ error: '应为 是 或 否' }),
  dietNotes: z.string().trim().max(100, { error: '饮食禁忌最多 100 个字' }).nullable(),
  address: z.string().trim().max(100, { error: '送餐地址最多 100 个字' }).nullable(),
  /** The district the member lives in; the meal subsidy applies only there. */
  districtId: idSchema.nullable(),
  subsidyCategory: subsidyCategorySchema.nullable(),
  gender: z.enum(GENDERS, { error: '性别应为 女 或 男' }).nullable(),
  allergies: z.string().trim().max(100, { error: '过敏情况最多 100 个字' }).nullable(),
  healthNotes: z.string().trim().max(200, { error: '健康情况最多 200 个字' }).nullable(),
  /** Required when the member is a child: the guardian accepted CHILD_CONSENT of this version. */
  childConsentVersion: z.literal(CHILD_CONSENT.version, { error: '请先阅读并同意儿童个人信息保护说明' }).optional(),
}

export const memberCreateSchema = z.strictObject({
  ...memberFields,
  mobilityNeed: memberFields.mobilityNeed.default(false),
  dietNotes: memberFields.dietNotes.default(null),
  address: memberFields.address.default(null),
  districtId: memberFields.districtId.default(null),
  subsidyCategory: memberFields.subsidyCategory.default(null),
  gender: memberFields.gender.default(null),
  allergies: memberFields.allergies.default(null),
  healthNotes: memberFields.healthNotes.default(null),
  consentVersion: z.literal(MEMBER_CONSENT.version, { error: '请先阅读并同意信息使用说明' }),
})
export type MemberCreate = z.infer<typeof memberCreateSchema>

export const memberUpdateSchema = z
  .strictObject(memberFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: '没有要修改的内容' })
export type MemberUpdate = z.infer<typeof memberUpdateSchema>

export const familyMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  birthDate: z.string().nullable(),
  mobilityNeed: z.boolean(),
  dietNotes: z.string().nullable(),
  address: z.string().nullable(),
  districtId: z.string().nullable(),
  subsidyCategory: subsidyCategorySchema.nullable(),
  /** True once facility or street staff checked the 低保 / 特困 / 低收入 certificate. */
  subsidyVerified: z.boolean(),
  gender: z.enum(GENDERS).nullable(),
  allergies: z.string().nullable(),
  healthNotes: z.string().nullable(),
  /** Under 14 today: the child's data is held under the guardian's separate consent. */
  isChild: z.boolean(),
  childConsentAt: z.string().nullable(),
})
export type FamilyMember = z.infer<typeof familyMemberSchema>

export const memberListSchema = z.object({ members: z.array(familyMemberSchema) })
export const memberIdParamsSchema = z.strictObject({ id: idSchema })
