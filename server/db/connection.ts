import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { DefaultConnectionProvider, DefaultQueryExecutor, Kysely, PostgresDialect, SqliteDialect, Transaction } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { startCheckpointer } from './sqlite-checkpointer'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface Db {
  kysely: Kysely<Database>
  kind: DatabaseKind
  /** PostgreSQL with its own schema: the schema. */
  schema?: string
  close(): Promise<void>
}

// COUNT(*) and other int8 results come back as strings from pg; every count here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10))

export interface ConnectOptions {
  /** PostgreSQL only: the schema to use (tests give each run its own). */
  searchPath?: string
  /** PostgreSQL only: connections held at most (10 unless told). */
  poolMax?: number
  /** SQLite file only: checkpoint the WAL from a worker thread, never inside a request's commit (the server). */
  backgroundCheckpoint?: boolean
}

/** Opens the store named by a `sqlite:<file>` or `postgres://…` URL. */
export function connect(url: string, options: ConnectOptions = {}): Db {
  if (url.startsWith('sqlite:')) return connectSqlite(url.slice('sqlite:'.length), options)
  if (/^postgres(ql)?:\/\//.test(url)) return connectPostgres(url, options)
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`)
}

function connectSqlite(file: string, { backgroundCheckpoint }: ConnectOptions): Db {
  const path = file === ':memory:' ? file : resolve(file)
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  // WAL lets readers go on while a booking writes; busy_timeout queues writers instead of failing them.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  const checkpointer = backgroundCheckpoint && path !== ':memory:' ? startCheckpointer(path) : null
  if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  return {
    kysely,
    kind: 'sqlite',
    close: async () => {
      await kysely.destroy()
      await checkpointer?.stop()
    },
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running our small queries. Prepared statements
 * are reusable in better-sqlite3, so keep them by their SQL text (the set of distinct queries is small and fixed).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver)
      return (source: string) => {
        let statement = cache.get(source)
        if (!statement) {
          statement = prepare(source)
          if (cache.size < 1000) cache.set(source, statement)
        }
        return statement
      }
    },
  })
}

/** How many distinct statements one connection keeps prepared; beyond that, a statement is parsed each time. */
const PREPARED_PER_CONNECTION = 500

/**
 * PostgreSQL parses and plans every statement it is sent unless the statement is named: name each by its SQL text,
 * per connection (prepared statements live in the connection), so a booking's twenty statements are planned once
 * per connection instead of once per booking. The set of distinct texts is small; lists of varying length (`in
 * ($1, $2 …)`) make more, hence the cap.
 */
function withNamedStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>()
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => unknown
  const sendTogether = writesOfOneTick(client)
  client.query = ((config: unknown, values?: unknown) => {
    sendTogether()
    if (typeof config !== 'string') return query(config, values)
    let name = names.get(config)
    if (!name && names.size < PREPARED_PER_CONNECTION) {
      name = `s${names.size}`
      names.set(config, name)
    }
    return name ? query({ name, text: config, values }) : query(config, values)
  }) as typeof client.query
}

/**
 * The connections are pipelined (pg's `pipeline`): a statement is written when it is issued, not once the one
 * before has been answered. Corking the socket until the end of the tick sends the statements issued together in
 * one write: on these hosts a write to a socket costs more CPU than a small statement.
 */
function writesOfOneTick(client: pg.PoolClient): () => void {
  const { stream } = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection
  let corked = false
  return () => {
    if (corked) return
    corked = true
    stream.cork()
    process.nextTick(() => {
      corked = false
      stream.uncork()
    })
  }
}

/** The pool behind each PostgreSQL store, for `pipelinedTransaction`. */
const pools = new WeakMap<Kysely<Database>, pg.Pool>()

/**
 * A transaction in which statements issued together (`together`) share one round trip on PostgreSQL: a booking's
 * twenty statements take eight, BEGIN going out with the first of them. Kysely's own transactions wait for each
 * answer before sending the next statement, so this one is a Kysely transaction over a single pooled connection,
 * with BEGIN and COMMIT of its own. On SQLite, where a statement costs no round trip, it is Kysely's transaction.
 */
export async function pipelinedTransaction<T>(
  kysely: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  /**
   * When the work fails: asked after the transaction has ended (on PostgreSQL on the same connection, in the same
   * write as its ROLLBACK), it may answer instead of the failure (a retried booking's first answer), or not.
   */
  recover?: (db: Kysely<Database>) => Promise<T | undefined>,
): Promise<T> {
  const pool = pools.get(kysely)
  if (!pool) {
    try {
      return await kysely.transaction().execute(work)
    } catch (err) {
      const answer = await recover?.(kysely)
      if (answer !== undefined) return answer
      throw err
    }
  }
  const client = await pool.connect()
  const connection = transactionOn(client)
  let broken: Error | undefined
  // A connection lost mid-transaction (the database restarted) fails the statements under way; unheard, the
  // client's 'error' event would end the process. It is then destroyed, not returned to the pool.
  const lost = (err: Error) => {
    broken = err
  }
  client.on('error', lost)
  try {
    try {
      const result = await connection.run(work)
      // Work that issued no statement opened no transaction.
      if (!(await connection.begun())) return result
      // A statement that failed unseen leaves the transaction aborted, and COMMIT then answers ROLLBACK.
      const { command } = await (connection.commitSent() ?? (client.query('commit') as Promise<pg.QueryResult>))
      if (command !== 'COMMIT') throw new Error(`the transaction ended with ${command}, not COMMIT`)
      connection.assertNothingLate()
      return result
    } catch (err) {
      // COMMIT sent with the last statements ends the transaction either way (ROLLBACK when one of them failed);
      // otherwise ROLLBACK does. Neither is waited for: the connection runs it before anything its next holder
      // sends, often in the same write as the caller's next statement (a refused booking's look-up of an earlier
      // answer). A connection that is lost meanwhile is dropped by the pool when released.
      const ending = connection.commitSent() ?? (connection.opened() ? client.query('rollback') : undefined)
      ending?.catch(() => undefined)
      const answer = await recover?.(outsideOn(client))
      if (answer !== undefined) return answer
      throw err
    }
  } finally {
    client.removeListener('error', lost)
    client.release(broken)
  }
}

/** The transactions `commitWithLastStatements` can commit early. */
const committers = new WeakMap<Transaction<Database>, (last: readonly unknown[]) => void>()

/**
 * Sends COMMIT in the same write as the statements just issued (`last`), instead of a round trip of its own once
 * they have answered: for the last statements of a booking, whose every refusal fails its statement on the
 * database (`Statement.required`), which aborts the transaction, so that this COMMIT answers ROLLBACK and nothing
 * is kept. On SQLite, or in a transaction that is not pipelined, it does nothing: the transaction commits when its
 * work returns, as always.
 *
 * Every statement of `last` must be issued without waiting for an answer (as `together` issues them); one that
 * failed before reaching the database (a check in code) withholds COMMIT, and the work's failure rolls back.
 * The transaction takes no statement after this.
 */
export function commitWithLastStatements(trx: Transaction<Database>, last: readonly unknown[]): void {
  committers.get(trx)?.(last)
}

/**
 * A Kysely Transaction whose statements go straight to `client`, none waiting for another's answer. Once `work`
 * has settled it refuses every statement, as Kysely's own transactions do: a statement `work` started and did not
 * wait for must not run after ROLLBACK, outside the transaction, or in the next transaction on this connection.
 */
interface PipelinedConnection {
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>
  /** Whether BEGIN was sent (with the work's first statement). */
  opened(): boolean
  /** Whether BEGIN was sent and succeeded; throws BEGIN's error. */
  begun(): Promise<boolean>
  /** COMMIT, if the work sent it with its last statements. */
  commitSent(): Promise<pg.QueryResult> | undefined
  /** Throws if a statement came after COMMIT was sent: it was refused, and the transaction committed without it. */
  assertNothingLate(): void
}

/** Kysely on `client` outside any transaction: for `recover`, while pipelinedTransaction holds the connection. */
function outsideOn(client: pg.PoolClient): Kysely<Database> {
  const pool = { connect: async () => ({ query: client.query.bind(client), release: () => {} }), end: async () => {} }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) })
}

function transactionOn(client: pg.PoolClient): PipelinedConnection {
  let ended = false
  let begin: Promise<unknown> | undefined
  let commit: Promise<pg.QueryResult> | undefined
  let late = false
  const send = client.query.bind(client) as (...a: unknown[]) => Promise<unknown>
  const only = {
    query: (...args: unknown[]) => {
      if (commit) late = true
      if (ended) return Promise.reject(new Error('the transaction has ended'))
      // BEGIN goes out with the first statement, in the same write (writesOfOneTick), instead of a round trip of its
      // own before it. The database runs a connection's statements in order, so all of them run inside it; were
      // BEGIN refused, the connection is broken or in an aborted transaction, and they are refused too.
      if (!begin) {
        begin = send('begin')
        begin.catch(() => undefined)
      }
      return send(...args)
    },
    // Released by pipelinedTransaction, not by Kysely after each statement.
    release: () => {},
  }
  const dialect = new PostgresDialect({ pool: { connect: async () => only, end: async () => {} } as never })
  const driver = dialect.createDriver()
  const executor = new DefaultQueryExecutor(dialect.createQueryCompiler(), dialect.createAdapter(), new DefaultConnectionProvider(driver), [])
  const trx = new Transaction<Database>({ config: { dialect }, dialect, driver, executor })
  committers.set(trx, (last) => {
    let failedEarly = false
    for (const statement of last) {
      if (statement instanceof Promise) statement.catch(() => (failedEarly = true))
    }
    // The statements reach the connection through Kysely's promises (microtasks), and COMMIT after them: the
    // process runs every microtask before the next tick. A statement refused in code has rejected by then.
    process.nextTick(() => {
      if (failedEarly || ended || !begin) return
      ended = true
      commit = send('commit') as Promise<pg.QueryResult>
      commit.catch(() => undefined)
    })
  })
  return {
    async run(work) {
      try {
        await driver.init()
        return await work(trx)
      } finally {
        ended = true
      }
    },
    opened: () => begin !== undefined,
    begun: async () => {
      if (!begin) return false
      await begin
      return true
    },
    commitSent: () => commit,
    assertNothingLate: () => {
      if (late) throw new Error('a statement came after COMMIT had been sent: it was not part of the transaction')
    },
  }
}

function connectPostgres(url: string, { searchPath, poolMax = 10 }: ConnectOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    pipeline: true,
    options: searchPath ? `-c search_path=${searchPath}` : undefined,
  })
  pool.on('connect', withNamedStatements)
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  pools.set(kysely, pool)
  return { kysely, kind: 'postgres', schema: searchPath, close: () => kysely.destroy() }
}
