import type {
  FastifyInstance,
  FastifySchemaCompiler,
  FastifySerializerCompiler,
  FastifyTypeProvider,
} from 'fastify'
import { z } from 'zod'
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
    return { error: new InvalidInputError(field, reasonOf(issue)) }
  }

function reasonOf(issue: z.core.$ZodIssue): string {
  // zod's own English messages are replaced for the cases a resident can meet; schemas carry Chinese ones.
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`
    case 'invalid_type':
      if (issue.input === undefined) return '必填'
      return issue.message.startsWith('Invalid input') ? `类型应为 ${issue.expected}` : issue.message
    default:
      return issue.message
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
