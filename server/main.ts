import { buildApp } from './app'
import { purgeSessions } from './auth/session.repository'
import { wechatSettingsLine } from './auth/wechat-settings'
import { purgeIdempotencyKeys } from './bookings/idempotency'
import { isProduction, loadConfig } from './config'
import { connect } from './db/connection'
import { migrateToLatest, pendingMigrations } from './db/migrate'
import { seedDistrict } from './db/seed/seed'
import { publishEndedQuarter } from './evaluation/qualified-list.service'
import { oneLine } from './http/error-handler'
import { publishCareSchedules } from './care/care-schedule'
import { every } from './jobs/every'
import { instanceId } from './jobs/instance'
import { leasedRound, releaseJobLeases } from './jobs/job-lease'
import { startNoticeSender } from './notices/notice-runner'
import { productionProblems } from './production-check'
import { runWaitlist } from './waitlist/waitlist-offers'

const HOUR_MS = 3_600_000
const IDEMPOTENCY_KEY_DAYS = 7

/** The one clock of the process: rules, jobs and the seed read the time from it, never from `new Date()`. */
const clock = (): Date => new Date()

/**
 * Listens, and closes cleanly on SIGINT / SIGTERM. The demo migrates and brings in the sample district itself; in
 * production migrations are a step of their own (npm run migrate) and no sample data is ever written.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const production = isProduction(config)
  const problems = production ? productionProblems(config, process.env) : []
  if (problems.length > 0) {
    throw new Error(`生产环境（NODE_ENV=production）不能启动，请先处理：\n  - ${problems.join('\n  - ')}`)
  }
  const db = connect(config.DATABASE_URL, { backgroundCheckpoint: true, poolMax: config.DATABASE_POOL_MAX })
  if (production) {
    const pending = await pendingMigrations(db)
    if (pending.length > 0) throw new Error(`数据库还有 ${pending.length} 个迁移未执行（${pending.join('、')}），请先运行 npm run migrate`)
  } else {
    await migrateToLatest(db)
    await seedDistrict(db, clock())
  }

  const app = await buildApp({ config, db, clock })
  // Several instances may share the database: the notice sender claims what it sends (a lease per notice); every
  // other job runs its rounds on one instance at a time, the holder of the job's lease (server/jobs/job-lease.ts).
  const stopSender = startNoticeSender(db, config, clock, (err) => app.log.error({ error: oneLine(err) }, 'notice delivery failed'))
  const leased = (name: string, intervalMs: number, job: () => Promise<unknown>) =>
    leasedRound(db.kysely, { name, holder: instanceId, ttlMs: 1.5 * intervalMs }, clock, job)
  const stopWaitlist = every(
    config.WAITLIST_INTERVAL_MS,
    leased('waitlist', config.WAITLIST_INTERVAL_MS, () => runWaitlist(db.kysely, clock())),
    (err) => app.log.error({ error: oneLine(err) }, 'waitlist round failed'),
  )
  // Hourly (and at start): the care services' coming weeks from their schedules; the quarter's qualified-operator list
  // once the quarter has ended; idempotency keys older than a resident's retries; sessions past their expiry.
  const hourlyJobs: [string, () => Promise<unknown>][] = [
    ['publishing the care schedules', () => publishCareSchedules(db.kysely, clock())],
    ['publishing the qualified-operator list', () => publishEndedQuarter(db.kysely, clock())],
    ['purging idempotency keys', () => purgeIdempotencyKeys(db.kysely, new Date(clock().getTime() - IDEMPOTENCY_KEY_DAYS * 86_400_000))],
    ['purging expired sessions', () => purgeSessions(db.kysely, clock())],
  ]
  // One failing does not keep the others from running.
  const hourly = leased('hourly', HOUR_MS, async () => {
    for (const [what, job] of hourlyJobs) await job().catch((err) => app.log.error({ error: oneLine(err) }, `${what} failed`))
  })
  await hourly().catch((err) => app.log.error({ error: oneLine(err) }, 'hourly jobs failed'))
  const stopHourly = every(HOUR_MS, hourly, (err) => app.log.error({ error: oneLine(err) }, 'hourly jobs failed'))
  const close = async () => {
    stopSender()
    stopWaitlist()
    stopHourly()
    await releaseJobLeases(db.kysely, instanceId).catch(() => undefined)
    await app.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)

  await app.listen({ port: config.PORT, host: config.HOST })
  const shownHost = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST
  const address = `http://${shownHost}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.PORT}/`
  console.log(`\n  家门口 Doorstep is running: ${address}`)
  const mode = production ? 'production' : 'demo · sample district 阎良区 (inserted only where missing)'
  console.log(`  database: ${db.kind} · ${mode}${config.AUTH_DEV_LOGIN ? ' · development login ON (AUTH_DEV_LOGIN=1)' : ''}`)
  const wechat = wechatSettingsLine(config)
  if (wechat) console.log(`  ${wechat}`)
  console.log('')
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
