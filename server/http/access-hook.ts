import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Access, type Caller, decideAccess, needsCaller } from '../auth/access-policy'
import { authenticate } from '../auth/auth.service'

/** One row of the route table: what tests walk to cover every route (access matrix, fuzzing). */
export interface RouteEntry {
  method: string
  url: string
  access: Access
  schema: { params?: unknown; querystring?: unknown; body?: unknown; headers?: unknown; response?: unknown }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every route under /api declares it (see server/auth/access-policy.ts). */
    access?: Access
  }
  interface FastifyRequest {
    /** The caller the access policy admitted; null on public routes. */
    caller: Caller | null
  }
  interface FastifyInstance {
    /** Every API route with its access and schemas, in the order registered. */
    routeTable: RouteEntry[]
  }
}

/**
 * Decides who may call a route before anything of the request is read: an anonymous caller of a non-public route
 * gets 401 whatever it sent, a resident calling a staff route 403, and only then is the input validated. A route
 * under /api that declares no access stops the server at start, so none can be forgotten.
 */
export function registerAccessPolicy(app: FastifyInstance): void {
  const table: RouteEntry[] = []
  app.decorate('routeTable', table)
  app.decorateRequest('caller', null)

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const access = route.config?.access
    if (!access) throw new Error(`${route.method} ${route.url} declares no access (config.access)`)
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      table.push({ method, url: route.url, access, schema: route.schema ?? {} })
    }
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (!access || !needsCaller(access)) return
    const user = await authenticate(app.db.kysely, request.headers.authorization, app.now())
    request.caller = await decideAccess(app.db.kysely, user, access, (request.params ?? {}) as Record<string, unknown>)
  })
}

/** The district a `government` or `district` route's caller reads. */
export function districtOf(request: FastifyRequest): string {
  const { districtId } = callerOf(request)
  if (!districtId) throw new Error(`${request.method} ${request.url}: the route's access names no district`)
  return districtId
}

/** What a `government` route's caller watches: the district, and for street staff only their streets. */
export function governedOf(request: FastifyRequest): { districtId: string; streetIds?: string[] } {
  return { districtId: districtOf(request), streetIds: callerOf(request).streetIds }
}

/** The admitted caller of a non-public route. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error(`${request.method} ${request.url}: no caller; is the route public?`)
  return request.caller
}
