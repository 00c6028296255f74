import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import helmet from '@fastify/helmet'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { AppInstance } from './app-instance'
import { authRoutes } from './auth/auth.routes'
import { bookingRoutes } from './bookings/booking.routes'
import { sessionRoutes } from './bookings/session.routes'
import type { Config } from './config'
import type { Db } from './db/connection'
import { facilityRoutes } from './facilities/facility.routes'
import { healthRoutes } from './health/health.routes'
import { registerAccessPolicy } from './http/access-hook'
import { frameworkErrorReply, registerErrorHandling } from './http/error-handler'
import { logSerializers } from './http/log-serializers'
import { openApiRoutes } from './http/openapi.routes'
import { registerRateLimits } from './http/rate-limits'
import { type ZodTypeProvider, useZod } from './http/zod-provider'
import { meRoutes } from './me/me.routes'
import { noticeRoutes } from './notices/notice.routes'
import { staffRoutes } from './staff/staff.routes'
import { waitlistRoutes } from './waitlist/waitlist.routes'
import { registerCompression, registerH5Static, h5IndexSender } from './web/h5-static'
import { ratingRoutes } from './ratings/rating.routes'
import { rectificationRoutes } from './ratings/rectification.routes'
import { evaluationRoutes } from './evaluation/evaluation.routes'
import { adminRoutes } from './admin/admin.routes'
import { careScheduleRoutes } from './care/care-schedule.routes'
import { priceRoutes } from './prices/price.routes'
import { feedbackRoutes } from './feedback/feedback.routes'
import { surveyRoutes } from './surveys/survey.routes'
import { announcementRoutes } from './announcements/announcement.routes'
import { activityRoutes } from './activities/activity.routes'
import { homeServiceRoutes } from './home-services/home-service.routes'

export interface AppOptions {
  config: Config
  db: Db
  /** Pino options or a destination; tests pass a stream to read what would be logged. */
  logger?: FastifyServerOptions['logger']
  /** The clock rules read: server/main.ts passes the wall clock, tests one they set. */
  clock: () => Date
}

/** Builds the API as a Fastify instance that does not listen: `server/main.ts` listens, tests inject. */
export async function buildApp({ config, db, logger, clock }: AppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.LOG_LEVEL, serializers: logSerializers },
    bodyLimit: 16 * 1024,
    // Unknown query fields are refused by the schemas; no coercion surprises from ajv defaults.
    routerOptions: { maxParamLength: 100 },
    frameworkErrors: frameworkErrorReply,
    trustProxy: config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>()

  app.decorate('config', config)
  app.decorate('db', db)
  app.decorate('now', clock)

  // 1. Cross-cutting: security headers, validation, who may call each route, one error shape.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        // A demo reached over plain HTTP on a LAN address must not have its scripts upgraded to HTTPS.
        'upgrade-insecure-requests': null,
      },
    },
    // Where the API is reached over TLS (directly or through a balancer that terminates it), HSTS_MAX_AGE turns it on.
    strictTransportSecurity: config.HSTS_MAX_AGE > 0 ? { maxAge: config.HSTS_MAX_AGE, includeSubDomains: true } : false,
  })
  // What is personal (anything a signed-in caller reads or writes, and the tokens sign-ins hand out) is never kept
  // by a browser or a proxy cache.
  app.addHook('onSend', async (request, reply) => {
    const access = request.routeOptions.config?.access
    if ((access && access !== 'public') || request.url.startsWith('/api/auth/')) reply.header('cache-control', 'no-store')
  })
  await registerCompression(app)
  useZod(app)
  // The API reads JSON only: a text/plain body would reach the schemas as a string and be refused as a
  // mysterious type error; refused at the door instead, it says what to send (415).
  app.removeContentTypeParser('text/plain')
  registerAccessPolicy(app)
  // After the access policy: a write is counted against the caller it names.
  await registerRateLimits(app, config)
  const staticRoot = resolve(config.STATIC_DIR)
  const servesH5 = existsSync(resolve(staticRoot, 'index.html'))
  registerErrorHandling(app, { spaFallback: servesH5 ? h5IndexSender(staticRoot, app) : null })

  // 2. The API.
  await app.register(
    async (api) => {
      await api.register(healthRoutes)
      await api.register(authRoutes)
      await api.register(meRoutes)
      await api.register(facilityRoutes)
      await api.register(sessionRoutes)
      await api.register(bookingRoutes)
      await api.register(staffRoutes)
      await api.register(noticeRoutes)
      await api.register(waitlistRoutes)
      await api.register(ratingRoutes)
      await api.register(rectificationRoutes)
      await api.register(evaluationRoutes)
      await api.register(openApiRoutes)
      await api.register(adminRoutes)
      await api.register(careScheduleRoutes)
      await api.register(priceRoutes)
      await api.register(feedbackRoutes)
      await api.register(surveyRoutes)
      await api.register(announcementRoutes)
      await api.register(activityRoutes)
      await api.register(homeServiceRoutes)
    },
    { prefix: '/api' },
  )

  // 3. The H5 build, when there is one; page paths fall back to its index.html.
  if (servesH5) await registerH5Static(app, staticRoot)

  return app
}
