import { errorBodySchema } from '@shared/errors'
import type { OpenApiDocument } from '../../server/http/openapi'
import { openApiPath } from '../../server/http/openapi'
import { type TestApp, createTestApp } from '../support/app'

/**
 * The contract: the OpenAPI document the API serves names every route of its route table (and nothing else), with
 * its parameters, its request body, its declared responses and the one error shape.
 */
describe('the OpenAPI document', () => {
  let t: TestApp
  let doc: OpenApiDocument
  beforeAll(async () => {
    t = await createTestApp('sqlite', { RATE_LIMIT_WRITES_PER_MINUTE: '60', RATE_LIMIT_LOGIN_PER_MINUTE: '20' })
    const res = await t.app.inject({ url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    doc = res.json()
  })
  afterAll(() => t.close())

  it('is OpenAPI 3.1 with the error shape as a component', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { required: ['code', 'message'] } },
    })
  })

  it('has every route of the route table, and no operation the app does not serve', () => {
    const routes = t.app.routeTable.map((r) => `${r.method} ${openApiPath(r.url)}`).sort()
    const operations = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort()
    expect(operations).toEqual(routes)
    expect(routes.length).toBeGreaterThan(60)
  })

  it('describes each route’s parameters, body, declared responses and refusals', () => {
    const problems: string[] = []
    for (const route of t.app.routeTable) {
      const op = doc.paths[openApiPath(route.url)][route.method.toLowerCase()]
      const name = `${route.method} ${route.url}`
      for (const param of route.url.match(/:[A-Za-z]+/g) ?? []) {
        if (!op.parameters.some((p) => p.in === 'path' && p.name === param.slice(1) && p.required)) problems.push(`${name}: path ${param}`)
      }
      if (route.schema.body && route.method !== 'GET' && !op.requestBody) problems.push(`${name}: no request body`)
      for (const status of Object.keys((route.schema.response ?? {}) as object)) {
        if (!op.responses[status]?.content) problems.push(`${name}: response ${status}`)
      }
      if (!Object.keys(op.responses).some((s) => s.startsWith('2'))) problems.push(`${name}: no success`)
      for (const status of ['400', '500', ...(route.access === 'public' ? [] : ['401'])]) {
        const schema = op.responses[status]?.content?.['application/json']?.schema
        if (!schema || (schema as { $ref?: string }).$ref !== '#/components/schemas/Error') problems.push(`${name}: error ${status}`)
      }
      if (route.access !== 'public' && !op.security) problems.push(`${name}: security`)
    }
    expect(problems).toEqual([])
  })

  it('names what a booking takes and answers, and the limits', () => {
    const book = doc.paths['/api/bookings'].post
    expect(book.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header', required: true })]))
    expect(book.requestBody?.content['application/json'].schema).toMatchObject({ properties: { sessionId: expect.any(Object) } })
    expect(book.responses['201'].content?.['application/json'].schema).toMatchObject({ properties: { code: expect.any(Object), status: expect.any(Object) } })
    expect(book.responses['429']).toBeDefined()
    expect(doc.paths['/api/auth/dev'].post.responses['429']).toBeDefined()
    expect(doc.paths['/api/facilities'].get.responses['429']).toBeUndefined()
    expect(doc.paths['/api/facilities'].get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['function', 'lat', 'lng']))
  })

  it('has only references that resolve', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
    for (const ref of new Set(refs)) {
      const path = ref.slice('"$ref":"#/'.length, -1).split('/')
      let node: unknown = doc
      for (const key of path) node = (node as Record<string, unknown>)?.[key]
      expect([ref, node !== undefined]).toEqual([ref, true])
    }
  })

  it('is readable at /api/docs, without scripts or the network', async () => {
    const res = await t.app.inject({ url: '/api/docs' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    for (const path of Object.keys(doc.paths)) expect(res.body).toContain(`<code>${path}</code>`)
    expect(res.body).not.toMatch(/<script|https?:\/\/(?!127)/)
    // An error answer still has the one shape.
    expect(errorBodySchema.safeParse((await t.app.inject({ url: '/api/docs/nothing' })).json()).success).toBe(true)
  })
})
