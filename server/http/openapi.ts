import { errorBodySchema } from '@shared/errors'
import { z } from 'zod'
import type { Access } from '../auth/access-policy'
import type { RouteEntry } from './access-hook'

export type JsonSchema = Record<string, unknown>

export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: JsonSchema
  description?: string
}

export interface OpenApiOperation {
  operationId: string
  summary: string
  tags: string[]
  /** Who may call it (`config.access`), as server/auth/access-policy.ts decides. */
  'x-access': Access
  parameters: OpenApiParameter[]
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } }
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>
  security?: Record<string, string[]>[]
}

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> }
}

const ERROR_REF = { $ref: '#/components/schemas/Error' }

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses): what is sent (`input`) or answered (`output`). */
export function jsonSchemaOf(schema: unknown, io: 'input' | 'output'): JsonSchema | undefined {
  if (!(schema instanceof z.ZodType)) return undefined
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema
  return json
}

/** `/api/bookings/:id` → `/api/bookings/{id}` */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z]+)/g, '{$1}')

function parametersOf(schema: unknown, where: 'path' | 'query' | 'header'): OpenApiParameter[] {
  const json = jsonSchemaOf(schema, 'input')
  const properties = (json?.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((json?.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }))
}

const ERRORS: Record<string, string> = {
  '400': '输入有误：`error.field` 指出哪个字段，`error.reason` 说明原因（中文）',
  '401': '未登录或登录已过期',
  '403': '无权进行此操作',
  '404': '没有找到（别人的预约也是 404）',
  '409': '与当前状态冲突（已约满、已截止、已预约 …），`error.code` 说明原因',
  '429': '操作太频繁（附 Retry-After）',
  '500': '系统错误',
}

function errorResponses(route: RouteEntry, rateLimited: boolean): string[] {
  const codes = ['400']
  if (route.access !== 'public') codes.push('401')
  if (route.access !== 'public' && route.access !== 'resident') codes.push('403')
  if (route.url.includes(':') || route.access !== 'public') codes.push('404')
  if (route.method !== 'GET') codes.push('409')
  if (rateLimited) codes.push('429')
  codes.push('500')
  return codes
}

/**
 * The OpenAPI 3.1 document of the API, drawn from the route table: each route's zod schemas (params, query,
 * headers, body, responses) as JSON Schema, its access, and the one error shape for every refusal.
 */
export function openApiDocument(routes: RouteEntry[], isRateLimited: (route: RouteEntry) => boolean): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {}
  for (const route of routes) {
    const path = openApiPath(route.url)
    const method = route.method.toLowerCase()
    const body = route.method === 'GET' ? undefined : jsonSchemaOf(route.schema.body, 'input')
    const responses: OpenApiOperation['responses'] = {}
    for (const [status, schema] of Object.entries((route.schema.response ?? {}) as Record<string, unknown>)) {
      const json = jsonSchemaOf(schema, 'output')
      responses[status] = { description: Number(status) < 300 ? '成功' : '见内容', ...(json ? { content: { 'application/json': { schema: json } } } : {}) }
    }
    if (!Object.keys(responses).some((s) => s.startsWith('2'))) responses['200'] = { description: '成功（文件或文本，见说明）' }
    for (const status of errorResponses(route, isRateLimited(route))) {
      responses[status] ??= { description: ERRORS[status], content: { 'application/json': { schema: ERROR_REF } } }
    }
    const tag = route.url.split('/')[2] ?? 'api'
    paths[path] ??= {}
    paths[path][method] = {
      operationId: `${method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: `${route.method} ${path}`,
      tags: [tag],
      'x-access': route.access,
      parameters: [
        ...parametersOf(route.schema.params, 'path'),
        ...parametersOf(route.schema.querystring, 'query'),
        ...parametersOf(route.schema.headers, 'header'),
      ],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      responses,
      ...(route.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '家门口 Doorstep API',
      version: '0.1.0',
      description:
        'JSON under /api. Sign in with POST /api/auth/wechat (or /api/auth/dev in development), then send `Authorization: Bearer <token>`. ' +
        'Every error is `{error: {code, message}}` with a Chinese `message`; `x-access` says who may call an operation.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorBodySchema, 'output') ?? {} },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
const accessText = (access: Access) => (typeof access === 'string' ? access : JSON.stringify(access))

/** A readable page of the document, self-contained (no scripts, no network): what an integrator reads first. */
export function openApiPage(doc: OpenApiDocument): string {
  const sections: string[] = []
  const byTag = new Map<string, { path: string; method: string; op: OpenApiOperation }[]>()
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const list = byTag.get(op.tags[0]) ?? []
      list.push({ path, method, op })
      byTag.set(op.tags[0], list)
    }
  }
  const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`
  for (const [tag, ops] of byTag) {
    sections.push(`<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>`)
    for (const { path, method, op } of ops) {
      const params = op.parameters.length
        ? `<table><tr><th>参数</th><th>位置</th><th>必填</th><th>类型</th></tr>${op.parameters
            .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? '是' : '否'}</td><td>${escapeHtml(JSON.stringify(p.schema))}</td></tr>`)
            .join('')}</table>`
        : ''
      const body = op.requestBody ? `<details><summary>请求体</summary>${json(op.requestBody.content['application/json'].schema)}</details>` : ''
      const responses = Object.entries(op.responses)
        .map(([status, r]) => {
          const schema = r.content?.['application/json']?.schema
          const summary = `<code>${status}</code> ${escapeHtml(r.description)}`
          return schema && schema !== ERROR_REF ? `<details><summary>${summary}</summary>${json(schema)}</details>` : `<div>${summary}${schema ? '（错误格式）' : ''}</div>`
        })
        .join('')
      sections.push(
        `<section id="${escapeHtml(op.operationId)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>` +
          `<p>调用者：<code>${escapeHtml(accessText(op['x-access']))}</code></p>${params}${body}<h4>响应</h4>${responses}</section>`,
      )
    }
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:960px;margin:0 auto;padding:16px;color:#1f2328}
h2{border-bottom:1px solid #d0d7de;margin-top:32px}section{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0}
h3{margin:4px 0;font-size:16px}.m{display:inline-block;min-width:56px;text-align:center;border-radius:4px;color:#fff;background:#57606a;font-size:13px}
.m.get{background:#0969da}.m.post{background:#1a7f37}.m.put,.m.patch{background:#9a6700}.m.delete{background:#cf222e}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d0d7de;padding:2px 6px;font-size:13px;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}summary{cursor:pointer}
</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description)}</p>
<p>机器可读：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI ${doc.openapi}）。错误格式：</p>${json(doc.components.schemas.Error)}
<nav>${[...byTag.keys()].map((tag) => `<a href="#${escapeHtml(tag)}">${escapeHtml(tag)}</a>`).join(' · ')}</nav>
${sections.join('\n')}
</body></html>`
}
