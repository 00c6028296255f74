import type { OpenApiOperation } from '../../server/http/openapi'

/**
 * Malformed requests for one route, derived from its operation in the API's OpenAPI document (the JSON Schema of
 * the zod schemas it declares), so a new route and a new field are fuzzed without anyone writing a case. Each case starts from a request shaped
 * like a valid one and breaks one thing: a field's type, its presence, its size, a date, a number's range, an
 * unknown or `__proto__` key, the JSON itself, the content type, a path parameter.
 */
export interface FuzzCase {
  name: string
  method: string
  url: string
  headers: Record<string, string>
  /** A JSON value (sent as JSON), or raw text (sent as is, with the case's content type). */
  payload?: unknown
  raw?: string
}

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  pattern?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  default?: unknown
}

/** The operation's parameters in one place (`query`, `header`) as one object schema, as the route declares them. */
function parametersIn(operation: OpenApiOperation, where: 'query' | 'header'): JsonSchema | undefined {
  const params = operation.parameters.filter((p) => p.in === where)
  if (params.length === 0) return undefined
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema as JsonSchema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  }
}

const DATE = /\\d\{4\}-\\d\{2\}-\\d\{2\}/

/** A value the schema would likely accept: the start every case breaks one thing of. */
function sample(schema: JsonSchema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0]
  if (variant) return sample(variant, name)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([key]) => schema.required?.includes(key))
          .map(([key, value]) => [key, sample(value, key)]),
      )
    case 'array':
      return schema.items ? [sample(schema.items, name)] : []
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return true
    case 'string':
      if (schema.pattern && DATE.test(schema.pattern)) return '2026-12-01'
      if (schema.pattern?.includes('[a-z0-9]')) return 'yl-hongqi'
      if (schema.pattern?.includes('\\d{8}')) return '12345678'
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 2))
    default:
      return 'x'
  }
}

/** What each field is fed instead of what it wants. */
const BAD_VALUES: [string, unknown][] = [
  ['null', null],
  ['a number', 1.5],
  ['a huge number', 1e308],
  ['a negative number', -1],
  ['beyond a safe integer', 2 ** 53 + 1],
  ['a string', 'NaN'],
  ['an empty string', ''],
  ['a huge string', '长'.repeat(4000)],
  ['emoji', '👵🏻🍚'.repeat(20)],
  ['a boolean', false],
  ['an array', [1, 'a', null]],
  ['an object', { a: 1 }],
  ['deep nesting', JSON.parse('['.repeat(200) + ']'.repeat(200))],
  ['an impossible date', '2026-02-30'],
  ['a thirteenth month', '2026-13-01'],
  ['a short date', '2026-1-1'],
  ['a slashed date', '1944/3/2'],
  ['eight digits', '18000101'],
  ['a future date', '2999-01-01'],
]

/** Query-string and path values are text: what a hand-edited link carries. */
const BAD_TEXT: [string, string][] = [
  ['empty', ''],
  ['letters', 'abc'],
  ['an impossible date', '2026-02-30'],
  ['a thirteenth month', '2026-13-01'],
  ['a short date', '2026-1-1'],
  ['a huge text', 'x'.repeat(3000)],
  ['emoji', '👵🏻'],
  ['a number', '1e400'],
  ['NaN', 'NaN'],
  ['a null byte', '%00'],
  ['a path', '..%2F..%2Fetc'],
  ['__proto__', '__proto__'],
  ['a percent', '%'],
]

const setAt = (value: unknown, path: string[], replacement: unknown): unknown => {
  if (path.length === 0) return replacement
  const copy = { ...(value as Record<string, unknown>) }
  const [head, ...rest] = path
  copy[head] = setAt(copy[head] ?? {}, rest, replacement)
  return copy
}

const withoutAt = (value: unknown, path: string[]): unknown => {
  const copy = { ...(value as Record<string, unknown>) }
  const [head, ...rest] = path
  if (rest.length === 0) delete copy[head]
  else copy[head] = withoutAt(copy[head] ?? {}, rest)
  return copy
}

/** Every property path of an object schema, two levels deep (`meal`, `meal.setId`). */
function fieldPaths(schema: JsonSchema, prefix: string[] = [], depth = 0): { path: string[]; schema: JsonSchema }[] {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema
  return Object.entries(variant.properties ?? {}).flatMap(([key, child]) => [
    { path: [...prefix, key], schema: child },
    ...(depth < 1 ? fieldPaths(child, [...prefix, key], depth + 1) : []),
  ])
}

const query = (values: Record<string, unknown>) => {
  const pairs = Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)]) : [[k, String(v)]]))
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : ''
}

/**
 * The cases of one operation of the document. `path` fills its parameters with values that exist; `headers` are
 * the caller's.
 */
export function fuzzCases(
  route: { method: string; url: string },
  operation: OpenApiOperation,
  path: (params?: Record<string, string>) => string,
  headers: Record<string, string>,
): FuzzCase[] {
  const cases: FuzzCase[] = []
  const body = operation.requestBody?.content['application/json'].schema as JsonSchema | undefined
  const querystring = parametersIn(operation, 'query')
  const needsKey = parametersIn(operation, 'header')?.properties?.['idempotency-key'] !== undefined
  const baseHeaders = { ...headers, ...(needsKey ? { 'idempotency-key': `fuzz-${Math.random().toString(36).slice(2, 12)}` } : {}) }
  const baseQuery = querystring ? (sample(querystring) as Record<string, unknown>) : {}
  const baseBody = body ? sample(body) : undefined
  const add = (name: string, fields: Partial<FuzzCase>) =>
    cases.push({ name: `${route.method} ${route.url}: ${name}`, method: route.method, url: path() + query(baseQuery), headers: baseHeaders, ...fields })

  // Path parameters: each one replaced by text no id looks like.
  for (const param of route.url.match(/:[A-Za-z]+/g) ?? []) {
    for (const [what, text] of BAD_TEXT.filter(([, text]) => text !== '')) {
      add(`${param} is ${what}`, { url: path({ [param.slice(1)]: text }) + query(baseQuery), payload: baseBody })
    }
  }

  // The query string: each field broken, repeated, or one more that nobody asked for.
  if (querystring) {
    for (const { path: field } of fieldPaths(querystring).filter((f) => f.path.length === 1)) {
      for (const [what, text] of BAD_TEXT) add(`query ${field[0]} is ${what}`, { url: path() + query({ ...baseQuery, [field[0]]: text }), payload: baseBody })
      add(`query ${field[0]} twice`, { url: path() + query({ ...baseQuery, [field[0]]: ['a', 'b'] }), payload: baseBody })
    }
    add('an unknown query field', { url: path() + query({ ...baseQuery, extra: '1' }), payload: baseBody })
  }

  // Headers: a missing or malformed Idempotency-Key.
  if (needsKey) {
    const { 'idempotency-key': _, ...without } = baseHeaders
    add('no Idempotency-Key', { headers: without, payload: baseBody })
    for (const key of ['short', '空格 key 不行', 'x'.repeat(300)]) add(`Idempotency-Key "${key.slice(0, 10)}"`, { headers: { ...baseHeaders, 'idempotency-key': key }, payload: baseBody })
  }

  // The body: when the route reads one, each field broken in turn; then the whole body, the JSON and its type.
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    if (body) {
      for (const { path: field, schema: fieldSchema } of fieldPaths(body)) {
        const name = field.join('.')
        for (const [what, value] of BAD_VALUES) add(`${name} is ${what}`, { payload: setAt(baseBody, field, value) })
        if (body.required?.includes(field[0]) && field.length === 1) add(`${name} is missing`, { payload: withoutAt(baseBody, field) })
        if (fieldSchema.type === 'object') add(`${name} has an unknown field`, { payload: setAt(baseBody, [...field, 'extra'], 1) })
      }
      add('an unknown field', { payload: { ...(baseBody as object), extra: true } })
    }
    for (const [what, value] of [['null', null], ['an array', []], ['a string', 'text'], ['a number', 7], ['empty', {}]] as [string, unknown][]) {
      add(`the body is ${what}`, { payload: value })
    }
    const json = { ...baseHeaders, 'content-type': 'application/json' }
    add('bad JSON', { headers: json, raw: '{"sessionId": "yl-' })
    add('an empty JSON body', { headers: json, raw: '' })
    add('a __proto__ key', { headers: json, raw: `{"__proto__": {"admin": true}, ${JSON.stringify(baseBody ?? {}).slice(1)}` })
    add('a constructor.prototype key', { headers: json, raw: '{"constructor": {"prototype": {"admin": true}}}' })
    add('deep nesting', { headers: json, raw: '['.repeat(5000) + ']'.repeat(5000) })
    add('a body over the size limit', { headers: json, raw: JSON.stringify({ text: 'x'.repeat(40_000) }) })
    add('a text/plain body', { headers: { ...baseHeaders, 'content-type': 'text/plain' }, raw: JSON.stringify(baseBody ?? {}) })
    add('a form body', { headers: { ...baseHeaders, 'content-type': 'application/x-www-form-urlencoded' }, raw: 'a=1&b=2' })
    add('no content type', { headers: { ...baseHeaders, 'content-type': '' }, raw: JSON.stringify(baseBody ?? {}) })
  }
  return cases
}
