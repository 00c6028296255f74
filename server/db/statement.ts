import { type Compilable, CompiledQuery, type Kysely, PostgresAdapter, type QueryResult } from 'kysely'
import type { Database } from './schema'

/**
 * A statement whose SQL never changes, only its values: built and compiled once per dialect, then run with new
 * values each time. Building a Kysely query (frozen nodes, parsed references) and compiling it cost the booking
 * route about a fifth of its CPU on PostgreSQL, for the same twenty statements every time.
 *
 * `build` receives placeholders for the values, not the values: it must pass each one to Kysely as a value, as
 * given (no `.toISOString()`, no string built from it; convert before calling). Every value `build` reads must
 * end up a parameter of the statement, or compiling it throws. A list (`in`) or a number of rows that varies
 * is a statement of its own per length (`statementOfRows`).
 */
export interface Statement<V, O> {
  rows(db: Kysely<Database>, values: V): Promise<O[]>
  first(db: Kysely<Database>, values: V): Promise<O | undefined>
  /** Rows written (inserted, updated or deleted). */
  changed(db: Kysely<Database>, values: V): Promise<bigint>
  /**
   * A write that must write every row it is given (one, or each of `statementOfRows`): otherwise it fails with
   * `NoRowChanged`, and on PostgreSQL it fails *on the database*, which aborts its transaction. So a guarded write
   * refused there can go out with COMMIT (`commitWithLastStatements`), which then answers ROLLBACK.
   */
  required(db: Kysely<Database>, values: V): Promise<void>
}

/** A required write wrote nothing (or not every row): a guard refused it, or a row it claims was held. */
export class NoRowChanged extends Error {
  constructor() {
    super('the write changed no row')
  }
}

// PostgreSQL's code for division_by_zero: how a required write that wrote too few rows fails there (below).
const REFUSED_ON_DATABASE = '22012'

/** Stands for a value at compile time; `pick` finds it among the values of a run. */
class Placeholder {
  constructor(
    readonly name: string,
    readonly pick: (values: unknown) => unknown,
  ) {}
}

interface Compiled {
  sql: string
  parameters: readonly unknown[]
}

type Build<V, O> = (db: Kysely<Database>, values: V) => Compilable<O>

function prepared<V, O>(compileFor: (db: Kysely<Database>) => Compiled, rows: number): Statement<V, O> {
  // One per dialect (the adapter's class): the booking runs on PostgreSQL and SQLite in the same test run.
  const compiled = new Map<unknown, Compiled>()
  const compiledOn = (db: Kysely<Database>): Compiled => {
    const dialect = db.getExecutor().adapter.constructor
    let found = compiled.get(dialect)
    if (!found) {
      found = compileFor(db)
      compiled.set(dialect, found)
    }
    return found
  }
  const run = (db: Kysely<Database>, { sql, parameters }: Compiled, values: V): Promise<QueryResult<O>> => {
    const bound = parameters.map((p) => (p instanceof Placeholder ? p.pick(values) : p))
    return db.executeQuery<O>(CompiledQuery.raw(sql, bound) as CompiledQuery<O>)
  }
  // On PostgreSQL the write, made to fail when it wrote fewer rows than required: it divides by zero.
  let guarded: Compiled | undefined
  return {
    rows: async (db, values) => (await run(db, compiledOn(db), values)).rows,
    first: async (db, values) => (await run(db, compiledOn(db), values)).rows[0],
    changed: async (db, values) => (await run(db, compiledOn(db), values)).numAffectedRows ?? 0n,
    required: async (db, values) => {
      const plain = compiledOn(db)
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
        if ((await run(db, plain, values)).numAffectedRows !== BigInt(rows)) throw new NoRowChanged()
        return
      }
      guarded ??= {
        sql: `with "written" as (${plain.sql} returning 1) select 1 / (case when count(*) = ${rows} then 1 else 0 end) as "written" from "written"`,
        parameters: plain.parameters,
      }
      await run(db, guarded, values).catch((err: unknown) => {
        throw (err as { code?: unknown }).code === REFUSED_ON_DATABASE ? new NoRowChanged() : err
      })
    },
  }
}

export function statement<V extends object, O>(build: Build<V, O>): Statement<V, O> {
  return prepared((db) => {
    const [values, read] = placeholders<V>((key) => (v) => (v as Record<PropertyKey, unknown>)[key], '')
    return checked(build(db, values).compile(), read)
  }, 1)
}

/**
 * A statement of a number of rows (an insert of each of them, say): one compiled statement per number, each built
 * with that many rows of placeholders.
 */
export function statementOfRows<R extends object, O>(build: Build<R[], O>): Statement<R[], O> {
  const byLength = new Map<number, Statement<R[], O>>()
  const of = (length: number) => {
    let found = byLength.get(length)
    if (!found) {
      found = prepared<R[], O>((db) => {
        const rows = Array.from({ length }, (_, i) => placeholders<R>((key) => (v) => (v as Record<PropertyKey, unknown>[])[i][key], `${i}.`))
        return checked(build(db, rows.map(([row]) => row)).compile(), new Map(rows.flatMap(([, read]) => [...read])))
      }, length)
      byLength.set(length, found)
    }
    return found
  }
  return {
    rows: (db, rows) => of(rows.length).rows(db, rows),
    first: (db, rows) => of(rows.length).first(db, rows),
    changed: (db, rows) => of(rows.length).changed(db, rows),
    required: (db, rows) => of(rows.length).required(db, rows),
  }
}

/** An object whose every property is a placeholder, and the placeholders read from it so far. */
function placeholders<V>(pick: (key: PropertyKey) => (values: unknown) => unknown, prefix: string): [V, Map<string, Placeholder>] {
  const read = new Map<string, Placeholder>()
  const values = new Proxy({} as V & object, {
    get: (_, key) => {
      const name = `${prefix}${String(key)}`
      let placeholder = read.get(name)
      if (!placeholder) {
        placeholder = new Placeholder(name, pick(key))
        read.set(name, placeholder)
      }
      return placeholder
    },
  })
  return [values, read]
}

/** A value `build` read but did not pass to Kysely as a value (it used it some other way) would be lost: refused. */
function checked(compiled: Compiled, read: Map<string, Placeholder>): Compiled {
  for (const [name, placeholder] of read) {
    if (!compiled.parameters.includes(placeholder)) throw new Error(`statement: the value ${name} is not a parameter of ${compiled.sql}`)
  }
  return { sql: compiled.sql, parameters: compiled.parameters }
}
