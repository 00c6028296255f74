import { z } from 'zod'

/** The nine functions of a community embedded-service facility (国办函〔2023〕121号); codes are the API's. */
export const FUNCTION_CODES = [
  'elderly_care',
  'infant_care',
  'child_care',
  'meal',
  'housekeeping',
  'health',
  'fitness',
  'culture',
  'kids_play',
] as const

export const functionCodeSchema = z.enum(FUNCTION_CODES, {
  error: () => `不是有效的服务类型，可选：${FUNCTION_CODES.join('、')}`,
})
export type FunctionCode = z.infer<typeof functionCodeSchema>

export const functionSchema = z.object({
  code: functionCodeSchema,
  name: z.string(),
  /** One of the four 标配 functions whose coverage the plan counts (养老、托育、托管、助餐). */
  standard: z.boolean(),
})
export type ServiceFunction = z.infer<typeof functionSchema>

export const functionListSchema = z.object({ functions: z.array(functionSchema) })

export const FUNCTIONS: readonly ServiceFunction[] = [
  { code: 'elderly_care', name: '养老服务', standard: true },
  { code: 'infant_care', name: '婴幼儿托育', standard: true },
  { code: 'child_care', name: '儿童托管', standard: true },
  { code: 'meal', name: '社区助餐', standard: true },
  { code: 'housekeeping', name: '家政便民', standard: false },
  { code: 'health', name: '健康服务', standard: false },
  { code: 'fitness', name: '体育健身', standard: false },
  { code: 'culture', name: '文化休闲', standard: false },
  { code: 'kids_play', name: '儿童游憩', standard: false },
]

export const functionName = (code: FunctionCode): string =>
  FUNCTIONS.find((f) => f.code === code)?.name ?? code
