import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Access } from '../auth/access-policy'
import type { Config } from '../config'
import { DomainError } from './errors'

const MINUTE_MS = 60_000

/** Sign-ins are limited per address: a flood of codes or development logins from one place. */
const LOGIN_ROUTES = new Set(['/api/auth/wechat', '/api/auth/dev'])
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Which limit a route falls under with this configuration, if any. */
export function rateLimitOf(
  route: { url: string; methods: string[]; access: Access | undefined },
  config: Pick<Config, 'RATE_LIMIT_LOGIN_PER_MINUTE' | 'RATE_LIMIT_WRITES_PER_MINUTE'>,
): 'login' | 'writes' | undefined {
  if (LOGIN_ROUTES.has(route.url)) return config.RATE_LIMIT_LOGIN_PER_MINUTE > 0 ? 'login' : undefined
  const writes = route.access && route.access !== 'public' && !route.methods.every((m) => READS.has(m))
  return writes && config.RATE_LIMIT_WRITES_PER_MINUTE > 0 ? 'writes' : undefined
}

export class RateLimitedError extends DomainError {
  constructor(seconds: number) {
    super('rate_limited', `操作太频繁，请 ${seconds} 秒后再试`)
  }
}

/**
 * Limits against abuse (`@fastify/rate-limit`, one minute windows): sign-ins per client address, and every write
 * of a signed-in caller (bookings, ratings, requests, staff actions) per user, counted after the access policy
 * has named the caller. Over the limit: 429 `rate_limited` with `Retry-After`. Counts are kept per instance: with
 * N instances behind a balancer a client gets at most N times the limit. A limit of 0 turns it off.
 */
export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    let limit: { max: number; keyGenerator: (request: FastifyRequest) => string } | undefined
    const kind = rateLimitOf({ url: route.url, methods: [route.method].flat(), access: route.config?.access }, config)
    if (kind === 'login') limit = { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, keyGenerator: (request) => `ip:${request.ip}` }
    if (kind === 'writes') {
      limit = { max: config.RATE_LIMIT_WRITES_PER_MINUTE, keyGenerator: (request) => `user:${request.caller?.user.id ?? request.ip}` }
    }
    if (limit) route.config = { ...route.config, rateLimit: { ...limit, timeWindow: MINUTE_MS } }
  })
  await app.register(rateLimit, {
    global: false,
    // After the access policy's onRequest hook: the caller is known, and nothing of the request has been read.
    hook: 'onRequest',
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  })
}
