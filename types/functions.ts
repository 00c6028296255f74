import { z } from 'zod'
import { FUNCTION_CODES } from './function-list'

// The lists and names live in function-list.ts, free of zod, for the WeChat main package's tab pages.
export { FUNCTION_CODES, FUNCTIONS, functionName } from './function-list'

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
