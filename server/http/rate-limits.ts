import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config'
import { DomainError } from './errors'

const MINUTE_MS = 60_000

/** Sign-ins are limited per address: a flood of codes or development logins from one place. */
const LOGIN_ROUTES = new Set(['/api/auth/wechat', '/api/auth/dev'])
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

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
    const methods = [route.method].flat()
    const access = route.config?.access
    let limit: { max: number; keyGenerator: (request: FastifyRequest) => string } | undefined
    if (LOGIN_ROUTES.has(route.url) && config.RATE_LIMIT_LOGIN_PER_MINUTE > 0) {
      limit = { max: config.RATE_LIMIT_LOGIN_PER_MINUTE, keyGenerator: (request) => `ip:${request.ip}` }
    } else if (access && access !== 'public' && !methods.every((m) => READS.has(m)) && config.RATE_LIMIT_WRITES_PER_MINUTE > 0) {
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
