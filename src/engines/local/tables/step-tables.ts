import path from 'node:path'
import type { PlannedInput, PlannedOutput } from '../../../flow/index.js'
import type { StagedOutput } from './staging.js'
import {
  COPY_SOURCE,
  quoteIdentifier,
  quoteLiteral,
  renderQualifiedName
} from '../sql/index.js'
import type { DuckdbStepSql, SqlParameter } from '../sql/index.js'
import { copyOptions } from './tables.js'
import type { LocalTable, SandboxGrant } from './tables.js'

/** A declared input that exists, as this step reads it. */
export interface StepInput {
  readonly input: PlannedInput
  readonly table: LocalTable
  /** The DuckDB call that reads it (`read_parquet('…')`). */
  readonly reader: string
  readonly grant: SandboxGrant
}

/** Where an output's current rows come from, when the step rewrites it. */
export interface PriorTable {
  /** The DuckDB relation or reader to copy the rows from. */
  readonly from: string
  /** The table file it reads, when not one of the step's inputs. */
  readonly table?: LocalTable
  /** What a sandboxed Python step must be able to read for that copy. */
  readonly grant?: SandboxGrant
}

/** A declared output and where this step writes it. */
export interface StepOutput {
  readonly output: PlannedOutput
  readonly table: LocalTable
  readonly staging: StagedOutput
  /** Its current rows, when the step rewrites it (`planPriorTables`). */
  readonly prior?: PriorTable
}

/** The tables of one step, resolved to local files. */
export interface StepTables {
  readonly inputs: readonly StepInput[]
  readonly outputs: readonly StepOutput[]
}

function splitName(name: string): string[] {
  return name.split('.').map((p) => p.trim())
}

/** `ATTACH` and `CREATE SCHEMA` for catalog-layout names, once each. */
function catalogSetup(names: readonly string[]): string[] {
  const statements: string[] = []
  const catalogs = new Set<string>()
  const schemas = new Set<string>()
  for (const name of names) {
    const parts = splitName(name)
    if (parts.length !== 3) continue
    const [catalog, schema] = parts
    if (!catalogs.has(catalog)) {
      catalogs.add(catalog)
      statements.push(`ATTACH ':memory:' AS ${quoteIdentifier(catalog)}`)
    }
    const key = `${catalog}.${schema}`
    if (!schemas.has(key)) {
      schemas.add(key)
      statements.push(`CREATE SCHEMA IF NOT EXISTS ${renderQualifiedName(key)}`)
    }
  }
  return statements
}

function list(values: Iterable<string>): string {
  return `[${[...new Set(values)].map(quoteLiteral).join(', ')}]`
}

/**
 * Databricks functions DuckDB spells otherwise, so a notebook runs the same
 * on both: `raise_error(msg)` fails the statement with `msg` (DuckDB's
 * `error`), which a notebook uses to refuse data it cannot handle.
 */
const DATABRICKS_FUNCTIONS = [
  'CREATE OR REPLACE MACRO raise_error(msg) AS error(msg)'
]

/**
 * The statements above for one step, `tmp` its private folder. `relativeTo` (the repository root)
 * adds the repository-relative form of every allowed path, for Python
 * notebooks that read the relative paths they are given.
 */
export function planDuckdbStepSql(
  tables: StepTables,
  tmp: string,
  relativeTo?: string
): DuckdbStepSql {
  const qualified = [
    ...tables.inputs.map((i) => i.table.qualifiedName),
    ...tables.outputs.map((o) => o.table.qualifiedName)
  ].filter((n): n is string => n !== undefined)
  const setup = [...catalogSetup(qualified), ...DATABRICKS_FUNCTIONS]
  for (const input of tables.inputs) {
    setup.push(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(input.input.param)} AS SELECT * FROM ${input.reader}`
    )
    if (
      input.table.qualifiedName &&
      splitName(input.table.qualifiedName).length === 3
    ) {
      setup.push(
        `CREATE OR REPLACE VIEW ${renderQualifiedName(input.table.qualifiedName)} AS SELECT * FROM ${input.reader}`
      )
    }
  }
  for (const output of tables.outputs) {
    if (!output.prior) continue
    setup.push(
      `CREATE TABLE ${quoteIdentifier(output.output.param)} AS SELECT * FROM ${output.prior.from}`
    )
  }

  const both = (p: string): string[] =>
    relativeTo ? [p, path.relative(relativeTo, p) || '.'] : [p]
  const paths = tables.inputs.flatMap((i) => i.grant.paths.flatMap(both))
  const directories = [
    tmp + path.sep,
    ...tables.inputs.flatMap((i) => i.grant.directories),
    // Python steps (given `relativeTo`) may expand a glob input themselves.
    ...(relativeTo
      ? tables.inputs.flatMap((i) => i.grant.globFolders ?? [])
      : []),
    ...tables.outputs.map((o) => o.staging.stagingDir + path.sep)
  ].flatMap((d) =>
    relativeTo ? [d, (path.relative(relativeTo, d) || '.') + path.sep] : [d]
  )
  // DuckDB allows its temporary folder (default `.tmp/` under the working
  // folder, shared by every step) whatever the sandbox says: each step
  // gets its own, removed after it, so no step reads what another left.
  // Databricks' session time zone is UTC unless a notebook sets it;
  // DuckDB's is the machine's. UTC gives `current_timestamp` and
  // `current_date` the values they have on Databricks.
  const sandbox = [
    "SET TimeZone = 'UTC'",
    `SET temp_directory = ${quoteLiteral(tmp)}`,
    `SET allowed_paths = ${list(paths)}`,
    `SET allowed_directories = ${list(directories)}`,
    'SET enable_external_access = false',
    'SET lock_configuration = true'
  ]

  const exports = tables.outputs.map((o) => ({
    param: o.output.param,
    staged: o.staging.staged,
    candidates: [
      quoteIdentifier(o.output.param),
      ...(o.table.qualifiedName
        ? [renderQualifiedName(o.table.qualifiedName)]
        : [])
    ],
    copy: `COPY ${COPY_SOURCE} TO ${quoteLiteral(o.staging.staged)} ${copyOptions(o.table.format)}`
  }))
  return { setup, sandbox, exports }
}

/**
 * What `:p`, `${p}` and `IDENTIFIER(:p)` mean in this step's SQL: inputs
 * and outputs stand for their view or table (named after the parameter),
 * and as literals give the absolute local path (DuckDB resolves relative
 * paths against the process's folder, not the repository) or, for catalog
 * tables, the table's name. Arguments are their value.
 */
export function planSqlParameters(
  parameters: Readonly<Record<string, string>>,
  tables: StepTables
): Record<string, SqlParameter> {
  const bound: Record<string, SqlParameter> = {}
  for (const [name, value] of Object.entries(parameters)) {
    bound[name] = { value }
  }
  for (const input of tables.inputs) {
    bound[input.input.param] = {
      value: input.table.qualifiedName ?? input.table.path,
      relation: input.input.param
    }
  }
  for (const output of tables.outputs) {
    bound[output.output.param] = {
      value: output.table.qualifiedName ?? output.staging.staged,
      relation: output.output.param
    }
  }
  return bound
}
