import { z } from 'zod'

const flag = z.enum(['0', '1', 'true', 'false', '']).transform((v) => v === '1' || v === 'true')

const envSchema = z.object({
  /** `production`: no sample data, no development login, every setting a public server needs (production-check.ts). */
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, { error: 'DATABASE_URL 应以 sqlite: 或 postgres:// 开头' })
    .default('sqlite:data/doorstep.db'),
  /**
   * PostgreSQL connections one instance holds at most. Instances share the database's connections: N instances of the
   * API on one database want about the connections one would have, divided among them.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  AUTH_DEV_LOGIN: flag.default(false),
  WECHAT_APPID: z.string().default(''),
  WECHAT_SECRET: z.string().default(''),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  SESSION_TTL_DAYS: z.coerce.number().int().positive().default(30),
  /** Live sessions one user may hold; signing in once more ends the oldest. */
  SESSIONS_PER_USER: z.coerce.number().int().positive().default(10),
  /** Sign-ins (WeChat or development) per client address and minute; 0 turns the limit off. */
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Writes (bookings, ratings, requests, staff actions) per user, route and minute; 0 turns the limit off. */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Behind a load balancer: take the client address from X-Forwarded-For (the balancer must set it). */
  TRUST_PROXY: flag.default(false),
  // Subscribe-message templates chosen in the mini-program console; empty: the notice stays in the in-app list.
  WECHAT_TEMPLATE_BOOKED: z.string().default(''),
  WECHAT_TEMPLATE_REMINDER: z.string().default(''),
  WECHAT_TEMPLATE_CANCELLED: z.string().default(''),
  /** How often the sender looks for notices due; 0 turns it off (tests drive it themselves). */
  NOTICE_SEND_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
  /** How long a sender holds the notices it claimed; one that dies mid-send leaves them to another after this. */
  NOTICE_LEASE_MS: z.coerce.number().int().positive().default(300_000),
  /** How often expired waitlist offers are released and freed places offered; 0 turns it off. */
  WAITLIST_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  /** Strict-Transport-Security max-age in seconds, for an API reached over HTTPS; 0 sends none. */
  HSTS_MAX_AGE: z.coerce.number().int().min(0).default(0),
  STATIC_DIR: z.string().default('dist/h5'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = z.infer<typeof envSchema>

export const isProduction = (config: Config): boolean => config.NODE_ENV === 'production'

/** Reads the configuration from the environment; a bad value stops the start with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return parsed.data
}
