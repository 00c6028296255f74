import type {
  FastifyInstance,
  FastifySchemaCompiler,
  FastifySerializerCompiler,
  FastifyTypeProvider,
} from 'fastify'
import type { z } from 'zod'
import { InvalidInputError } from './errors'

/** Lets routes declare zod schemas and get the parsed types in `request.body`, `query` and `params`. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data)
    if (result.success) return { value: result.data }
    const issue = result.error.issues[0]
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])]
    const field = path.map(String).join('.') || String(httpPart ?? 'input')
    return { error: new InvalidInputError(field, reasonOf(issue, valueAt(data, issue.path)), httpPart) }
  }

/** What was sent at a path (zod 4 does not put the input on its issues). */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  object: '一组字段（JSON 对象）',
  array: '列表',
  literal: '指定的值',
}

function reasonOf(issue: z.core.$ZodIssue, sent: unknown): string {
  // zod's own English messages are replaced for the cases anyone can meet; schemas carry Chinese ones.
  const own = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : undefined
  switch (issue.code) {
    case 'unrecognized_keys':
      // The key itself is in `field`: a resident never sends one, so the sentence need not spell it.
      return '包含不支持的字段'
    case 'invalid_type':
      if (sent === undefined) return '必填'
      if (sent === null) return own ?? '不能为空'
      return own ?? `应为${TYPE_NAMES[issue.expected] ?? '正确的类型'}`
    case 'too_big':
      return own ?? (issue.origin === 'string' ? `最多 ${issue.maximum} 个字` : `不能超过 ${issue.maximum}`)
    case 'too_small':
      return own ?? (issue.origin === 'string' ? `至少 ${issue.minimum} 个字` : `不能小于 ${issue.minimum}`)
    case 'invalid_value':
      return own ?? `应为 ${issue.values.map(String).join('、')} 之一`
    default:
      return own ?? '格式不正确'
  }
}

/**
 * Responses pass through their schema: fields a schema does not name (a session key, an openid) never leave
 * the server by accident.
 */
const serializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema }) =>
  (data) =>
    JSON.stringify(schema.parse(data))

export function useZod(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
}
