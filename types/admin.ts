import { z } from 'zod'
import { MOBILE, idSchema } from './common'
import { functionHoursSchema, openingHoursSchema, operatingModelSchema } from './facility'
import { functionCodeSchema } from './functions'

// The district's administration of its facilities and operators: what a clerk may write, checked once here for the
// form and the server alike.

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 个字` })

/** A landline with area code (029-86861234), a mobile (13912345678) or a service number (12345). */
export const facilityPhoneSchema = z
  .string()
  .trim()
  .regex(new RegExp(`^(0\\d{2,3}-?\\d{7,8}|${MOBILE.source}|\\d{5})$`), { error: '电话格式不正确，例如 029-86861234 或 13912345678' })

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间应为 时:分，例如 08:30' })

export const hoursSchema = z
  .array(
    openingHoursSchema.extend({ days: text('开放日', 20), opens: clock, closes: clock }).refine((h) => h.opens < h.closes, {
      error: '关门时间应晚于开门时间',
      path: ['closes'],
    }),
    { error: '请填写开放时间' },
  )
  .min(1, { error: '至少填写一段开放时间' })
  .max(7, { error: '开放时间最多 7 段' })

/** Functions whose hours differ from the facility's (社区助餐 11:00–13:00), each with its own; the rest keep the facility's. */
const functionHoursField = z
  .array(z.strictObject({ function: functionCodeSchema, hours: hoursSchema }), { error: '请填写各项服务的开放时间' })
  .max(9, { error: '最多 9 项服务' })
  .refine((list) => new Set(list.map((f) => f.function)).size === list.length, { error: '同一项服务只能填一组开放时间' })

/** Where a function's own hours name a function the facility does not offer: its index, for the field's path. */
export const strayFunctionHours = (functions: readonly string[], list: readonly { function: string }[]) =>
  list.findIndex((f) => !functions.includes(f.function))
export const STRAY_FUNCTION_HOURS = '设施没有这项服务功能，请先选择它'

const latitude = z.number({ error: '纬度应为数字' }).min(3, { error: '纬度不在中国境内' }).max(54, { error: '纬度不在中国境内' })
const longitude = z.number({ error: '经度应为数字' }).min(73, { error: '经度不在中国境内' }).max(136, { error: '经度不在中国境内' })

/** What the district edits on a facility; every field optional in an edit, all but phone required to create one. */
export const facilityFieldsSchema = z.strictObject({
  name: text('设施名称', 40),
  communityId: idSchema,
  address: text('地址', 100),
  areaSqm: z.number({ error: '面积应为数字' }).positive({ error: '面积应大于 0' }).max(100_000, { error: '面积过大' }),
  year: z.number({ error: '建设年度应为数字' }).int({ error: '建设年度应为整数' }).min(2000, { error: '建设年度应在 2000 年以后' }).max(2100, { error: '建设年度不正确' }),
  investmentWan: z.number({ error: '投资额应为数字' }).min(0, { error: '投资额不能为负' }),
  operatingModels: z.array(operatingModelSchema, { error: '请选择运营模式' }).max(4),
  operatorId: idSchema.nullable(),
  phone: facilityPhoneSchema.nullable(),
  hours: hoursSchema,
  functions: z.array(functionCodeSchema, { error: '请选择服务功能' }).min(1, { error: '至少选择一项服务功能' }),
  functionHours: functionHoursField,
  /** GCJ-02, typed or picked on a map: a surveyed position, no longer marked approximate. */
  lat: latitude,
  lng: longitude,
  isReserve: z.boolean({ error: '应为 是 或 否' }),
})
export type FacilityFields = z.infer<typeof facilityFieldsSchema>

export const facilityEditSchema = facilityFieldsSchema
  .partial()
  .refine((e) => Object.keys(e).length > 0, { error: '没有要修改的内容' })
  .refine((e) => (e.lat === undefined) === (e.lng === undefined), { error: '经纬度需同时提供', path: ['lng'] })
export type FacilityEdit = z.infer<typeof facilityEditSchema>

export const facilityCreateSchema = facilityFieldsSchema
  .extend({
    /** A stable id, as in links and spreadsheets: lower-case letters, digits and hyphens (yl-hongqi). */
    id: idSchema,
    phone: facilityPhoneSchema.nullable().default(null),
    operatorId: idSchema.nullable().default(null),
    operatingModels: z.array(operatingModelSchema).max(4).default([]),
    investmentWan: z.number({ error: '投资额应为数字' }).min(0, { error: '投资额不能为负' }).default(0),
    functionHours: functionHoursField.default([]),
  })
  .superRefine((f, ctx) => {
    const stray = strayFunctionHours(f.functions, f.functionHours)
    if (stray >= 0) ctx.addIssue({ code: 'custom', message: STRAY_FUNCTION_HOURS, path: ['functionHours', stray, 'function'] })
  })
export type FacilityCreate = z.infer<typeof facilityCreateSchema>

/** A facility as the administration sees it: every stored field, the retired ones too. */
export const adminFacilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  communityId: z.string(),
  community: z.string(),
  streetId: z.string(),
  street: z.string(),
  address: z.string(),
  areaSqm: z.number(),
  year: z.number(),
  investmentWan: z.number(),
  operatingModels: z.array(operatingModelSchema),
  operatorId: z.string().nullable(),
  phone: z.string().nullable(),
  hours: z.array(openingHoursSchema),
  functions: z.array(functionCodeSchema),
  functionHours: z.array(functionHoursSchema),
  lat: z.number(),
  lng: z.number(),
  coordinatesApproximate: z.boolean(),
  isReserve: z.boolean(),
  retiredAt: z.string().nullable(),
})
export type AdminFacility = z.infer<typeof adminFacilitySchema>

export const adminFacilityListSchema = z.object({
  facilities: z.array(adminFacilitySchema),
  /** The communities a facility may be placed in: the caller's district, or a street office's own streets. */
  communities: z.array(z.object({ id: z.string(), name: z.string(), streetId: z.string(), street: z.string() })),
  operators: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type AdminFacilityList = z.infer<typeof adminFacilityListSchema>

export const operatorFieldsSchema = z.strictObject({
  name: text('运营方名称', 60),
  contact: z.string().trim().max(60, { error: '联系人最多 60 个字' }).nullable(),
  /** 统一社会信用代码: 18 characters of digits and capital letters. */
  licenceNo: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { error: '统一社会信用代码应为 18 位数字或大写字母' })
    .nullable(),
})
export const operatorCreateSchema = operatorFieldsSchema.extend({ id: idSchema })
export const operatorEditSchema = operatorFieldsSchema.partial().refine((e) => Object.keys(e).length > 0, { error: '没有要修改的内容' })
export type OperatorCreate = z.infer<typeof operatorCreateSchema>
export type OperatorEdit = z.infer<typeof operatorEditSchema>

export const adminOperatorSchema = z.object({ id: z.string(), name: z.string(), contact: z.string().nullable(), licenceNo: z.string().nullable() })
export const adminOperatorListSchema = z.object({ operators: z.array(adminOperatorSchema), canEdit: z.boolean() })
export type AdminOperator = z.infer<typeof adminOperatorSchema>

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** 账号编号 of who made the change. */
  userId: z.string(),
  entity: z.enum(['facility', 'operator', 'staff', 'rule']),
  entityId: z.string(),
  action: z.enum(['create', 'edit', 'retire', 'reopen', 'grant', 'revoke']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
})
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) })
export type AuditEntry = z.infer<typeof auditEntrySchema>
export type AuditEntity = AuditEntry['entity']
export type AuditAction = AuditEntry['action']

export const adminFacilityParamsSchema = z.strictObject({ id: idSchema })

/** What an import wrote: facilities by 编号, and the communities it added to their streets. */
export const importResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  newCommunities: z.array(z.string()),
})
export type ImportResult = z.infer<typeof importResultSchema>

/** A staff binding: the account (账号编号, shown under 我的) is staff of an operator, a street office or the district. */
export const staffBindingSchema = z.strictObject({
  userId: z.string({ error: '请填写账号编号' }).trim().min(1, { error: '请填写账号编号' }).max(64, { error: '账号编号格式不正确' }),
  scopeKind: z.enum(['operator', 'street', 'district'], { error: '请选择运营方、街道或区' }),
  scopeId: idSchema,
})
export type StaffBinding = z.infer<typeof staffBindingSchema>

export const staffListSchema = z.object({
  staff: z.array(
    staffBindingSchema.extend({ scopeName: z.string(), nickname: z.string().nullable(), grantedBy: z.string(), grantedAt: z.string() }),
  ),
  /** Where a binding may point: the district itself, its streets, the operators. */
  scopes: z.array(z.object({ kind: z.enum(['operator', 'street', 'district']), id: z.string(), name: z.string() })),
})
export type StaffList = z.infer<typeof staffListSchema>
