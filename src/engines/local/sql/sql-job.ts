// The messages between the engine and a SQL worker process (`sql-worker.ts`).
// Types only: the worker imports nothing of ours at run time, so it starts
// from the sources (tests) as from `lib/` and `dist/`.

/** One statement of a notebook, bound and checked by the engine. */
export interface SqlJobStatement {
  readonly text: string
  /** Line of the notebook file where the statement starts. */
  readonly line: number
  /** 0-based index of the cell. */
  readonly cell: number
  /** Logged, not run (Databricks widget statements). */
  readonly skip?: boolean
  /** What the notebook holds, when `text` is what dtflw runs in its place. */
  readonly shown?: string
}

/**
 * What an export's `COPY … TO` reads: the output's relation, named at `{}`
 * by the worker, or, where `streamOutputs` rewrites it, the notebook's query.
 */
export const COPY_SOURCE = '(SELECT * FROM {})'

/** How one output leaves DuckDB for its staging file. */
export interface SqlJobExport {
  /** Quoted relation names to look for, in order. */
  readonly candidates: readonly string[]
  /** `COPY (SELECT * FROM {}) TO '…' (…)`; `{}` takes the relation. */
  readonly copy: string
}

/** A SQL step for a worker: a fresh DuckDB, the setup, the notebook, the exports. */
export interface SqlJob {
  readonly id: number
  readonly threads: number
  /** The step's private folder: the worker's working folder during the job. */
  readonly cwd: string
  /** The engine's statements: temporary folder, views, sandbox, lock. */
  readonly setup: readonly string[]
  readonly statements: readonly SqlJobStatement[]
  readonly exports: readonly SqlJobExport[]
  /**
   * After the statements, the columns of these relations (each given as
   * its candidate names, the first that exists described), for a job that
   * only learns the shape of a step's outputs.
   */
  readonly describe?: readonly (readonly string[])[]
}

/** A relation's `DESCRIBE` rows (name, DuckDB type, …); null: none of its names exists. */
export type DescribedRelation = readonly (readonly unknown[])[] | null

/** Engine → worker. */
export type SqlWorkerRequest =
  | { readonly type: 'run'; readonly job: SqlJob }
  | { readonly type: 'interrupt' }
  /** Queries of the engine's own over files it chose (row counts, columns). */
  | {
      readonly type: 'inspect'
      readonly id: number
      readonly queries: readonly string[]
    }

/** Where a job failed; `load`: DuckDB itself did not load. */
export interface SqlJobError {
  readonly phase: 'load' | 'setup' | 'statement' | 'export' | 'describe'
  readonly message: string
  /** For `statement`: the index in `statements`. */
  readonly index?: number
  /** For `setup`: the statement that failed. */
  readonly statement?: string
}

/** Worker → engine. */
export type SqlWorkerMessage =
  | { readonly type: 'log'; readonly id: number; readonly line: string }
  | {
      readonly type: 'done'
      readonly id: number
      readonly error?: SqlJobError
      /** One per `describe` of the job, when it ran without error. */
      readonly described?: readonly DescribedRelation[]
    }
  | {
      readonly type: 'inspected'
      readonly id: number
      /** Each query's rows, as JSON values. */
      readonly results?: readonly (readonly (readonly unknown[])[])[]
      readonly error?: string
    }

/** Written to the worker's stdout and stderr after each job, so the engine
 * knows it has every line DuckDB printed for it. */
export const END_OF_JOB = '\u0000dtflw-end-of-job'
