import { z } from 'zod'
import { ratingSummarySchema } from './rating'
import { decimalString, idSchema } from './common'
import { functionCodeSchema } from './functions'
import { bookableServiceCodeSchema } from './services'

export const latitudeSchema = decimalString.pipe(
  z.number().min(-90, { error: '纬度应在 -90 到 90 之间' }).max(90, { error: '纬度应在 -90 到 90 之间' }),
)
export const longitudeSchema = decimalString.pipe(
  z.number().min(-180, { error: '经度应在 -180 到 180 之间' }).max(180, { error: '经度应在 -180 到 180 之间' }),
)

/** Every position the API stores, takes and gives is GCJ-02 (the datum of WeChat's maps and of every map published
 * in China); a browser's WGS-84 position is converted by the client before it is sent (src/lib/gcj02.ts). */
export const facilityListQuerySchema = z
  .strictObject({
    function: functionCodeSchema.optional(),
    lat: latitudeSchema.optional(),
    lng: longitudeSchema.optional(),
    /** Words of a facility's name, community, street or address: 红旗, 新华路, 逸飞小区. */
    q: z.string().trim().max(30, { error: '搜索词最多 30 个字' }).optional(),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    error: '经纬度需同时提供',
    path: ['lng'],
  })
export type FacilityListQuery = z.infer<typeof facilityListQuerySchema>

export const facilityIdParamsSchema = z.strictObject({ id: idSchema })

export const openingHoursSchema = z.object({
  /** e.g. 周一至周五 */
  days: z.string(),
  opens: z.string().regex(/^\d{2}:\d{2}$/),
  closes: z.string().regex(/^\d{2}:\d{2}$/),
})

export type OpeningHours = z.infer<typeof openingHoursSchema>

/** A function's own hours, where they differ from the facility's (社区助餐 11:00–13:00). */
export const functionHoursSchema = z.object({ function: functionCodeSchema, hours: z.array(openingHoursSchema) })
export type FunctionHours = z.infer<typeof functionHoursSchema>

/** Open or not at the server's now (Asia/Shanghai), from the published hours: what a card says beside the name. */
export const openStateSchema = z.object({
  status: z.enum(['open', 'closed', 'not_open']),
  label: z.enum(['营业中', '已休息', '未开放']),
  /** Today's hours, e.g. "08:00–20:00"; null when closed all day. */
  todayHours: z.string().nullable(),
  /** What comes next: "20:00 休息", "明天 08:00 开门"; null when nothing in the coming week. */
  next: z.string().nullable(),
})
export type OpenState = z.infer<typeof openStateSchema>

/** 运营模式 as the plan names them. */
export const operatingModelSchema = z.enum(['公建民营', '民办公助', '政府购买服务', '公办民营'])
export type OperatingModel = z.infer<typeof operatingModelSchema>

export const facilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The street office (街道办事处) the facility belongs to. */
  street: z.string(),
  community: z.string(),
  address: z.string(),
  areaSqm: z.number(),
  functions: z.array(functionCodeSchema),
  /** GCJ-02, like every position of the API. */
  lat: z.number(),
  lng: z.number(),
  /** True when the coordinates are an estimate, not surveyed: the map pin is near, not exact. */
  coordinatesApproximate: z.boolean(),
  /** Metres from the position given in the query, when one was given. */
  distanceM: z.number().int().optional(),
  /** 综合体 under the 导则: ≥ 600 ㎡, ≥ 3 functions, ≥ 2 of them standard. */
  isComplex: z.boolean(),
  /** 储备项目 of the plan. */
  isReserve: z.boolean(),
  /** Published opening hours, and whether open now. */
  hours: z.array(openingHoursSchema),
  openNow: openStateSchema,
  /** The facility's desk, for the call button; null until the street publishes it. */
  phone: z.string().nullable(),
})
export type Facility = z.infer<typeof facilitySchema>

export { shortFacilityName } from './facility-names'

export const facilityListSchema = z.object({ facilities: z.array(facilitySchema) })
export type FacilityList = z.infer<typeof facilityListSchema>

/** One service a resident books in the app, at one facility: whether it can be booked there now, and if not, where. */
export const facilityServiceSchema = z.object({
  code: bookableServiceCodeSchema,
  name: z.string(),
  /** The facility is open (not a 储备 project), the district set booking rules for it, and sessions are still to come. */
  bookable: z.boolean(),
  /** When it cannot be booked here: the nearest facility where it can, by distance from this one; null when none can. */
  nearest: z.object({ facilityId: z.string(), name: z.string(), distanceM: z.number().int() }).nullable(),
})
export type FacilityService = z.infer<typeof facilityServiceSchema>

export const facilityDetailSchema = facilitySchema.extend({
  district: z.string(),
  year: z.number().int(),
  investmentWan: z.number(),
  operatingModels: z.array(operatingModelSchema),
  operator: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The functions whose hours differ from the facility's, with their own (none from a server before 024). */
  functionHours: z.array(functionHoursSchema).default([]),
  /** What in this record is not yet confirmed by the district, in Chinese, for the footer of the page. */
  dataNote: z.string().nullable(),
  /** Residents' ratings, summed: how many, how satisfied; never who. */
  satisfaction: ratingSummarySchema,
  /** The period of the newest published qualified-operator list naming the operator as qualified, if it does. */
  qualifiedIn: z.string().nullable(),
  /** The services of its functions that residents book in the app, in the order of BOOKABLE_SERVICES. */
  services: z.array(facilityServiceSchema),
})
export type FacilityDetail = z.infer<typeof facilityDetailSchema>

export const districtListSchema = z.object({ districts: z.array(z.object({ id: z.string(), name: z.string() })) })
export type DistrictList = z.infer<typeof districtListSchema>
