import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { Config } from './config'
import type { Db } from './db/connection'
import type { ZodTypeProvider } from './http/zod-provider'

/** The Fastify instance as routes see it: zod-typed, with the configuration and the store decorated on. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: Db
    /** The current instant; tests set the clock to reach a cut-off. */
    now(): Date
  }
}
