import type { AppInstance } from '../app-instance'
import { type OpenApiDocument, openApiDocument, openApiPage } from './openapi'
import { rateLimitOf } from './rate-limits'

/** The API describes itself: the OpenAPI 3.1 document of its route table, and a page to read it. */
export async function openApiRoutes(app: AppInstance): Promise<void> {
  let doc: OpenApiDocument | undefined
  // Built on first request, once every route is registered; the route table does not change after start.
  const documentOf = () => {
    doc ??= openApiDocument(app.routeTable, (route) => rateLimitOf({ ...route, methods: [route.method] }, app.config) !== undefined)
    return doc
  }
  const open = { access: 'public' } as const
  app.get('/openapi.json', { config: open }, async () => documentOf())
  app.get('/docs', { config: open }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(openApiPage(documentOf())))
}
