import path from 'node:path'
import { DtflwError } from '../../../diagnostics/index.js'
import type {
  Plan,
  PlannedInput,
  PlannedOutput,
  PlannedStep
} from '../../../flow/index.js'
import { toPosixRelative } from '../../../io/index.js'
import { readNotebook } from '../../../notebooks/index.js'
import type { ActualColumn } from '../../columns.js'
import {
  resolveLocalTable,
  tableExists,
  toDuckdbType,
  toSparkType
} from '../tables/index.js'
import type { LocalTable, SandboxGrant, StepInput } from '../tables/index.js'
import {
  describeFile,
  describeStepOutput,
  fileInput,
  typedEmptyRelation
} from './describe-step.js'
import type { DuckdbColumn } from './describe-step.js'
import { findDuckDB, localSqlWorkers } from '../sql/index.js'
import { planRunMode } from '../notebook/index.js'
import { StepFailure } from '../failure/index.js'

/**
 * What dtflw learned of a table's columns without running the flow, typed
 * with Spark's names as `columns:` in the manifest has them; or why it
 * could not, and what would let it.
 */
export type TableDescription =
  | {
      readonly ok: true
      readonly columns: readonly ActualColumn[]
      /** Where they come from, for a person: "source file data/x.csv". */
      readonly from: string
    }
  | {
      readonly ok: false
      /** The cause, in a phrase. */
      readonly why: string
      /** What to do about it, in a phrase. */
      readonly fix: string
    }

/** Learns the columns of the tables of one plan. */
export interface TableDescriber {
  /**
   * The columns of `table` as step `producer` writes it, or, with no
   * producer, of the source `table`.
   */
  describe(table: string, producer?: string): Promise<TableDescription>
}

/** What a describer needs: the plan of a local profile, and where it runs. */
export interface TableDescriberOptions {
  /** The repository root. */
  readonly root: string
  readonly plan: Plan
  /** The CLI's environment (the SQL workers take only HOME from it). */
  readonly env: Readonly<Record<string, string | undefined>>
}

/** A table as a step of the describe reads it, with its columns. */
interface Shape {
  readonly columns: readonly DuckdbColumn[]
  readonly from: string
  /** Its file, read in place (read-only); none: a relation of its columns. */
  readonly file?: {
    readonly table: LocalTable
    readonly reader: string
    readonly grant: SandboxGrant
  }
}

type Learned =
  | { readonly ok: true; readonly shape: Shape }
  | { readonly ok: false; readonly why: string; readonly fix?: string }

/**
 * Learns a table's columns and their types "without running the flow",
 * first found first:
 *
 * 1. the columns the producing output declares, when each has a type;
 * 2. the table itself, when an earlier run of this (local) profile left it;
 * 3. a source's file, as the local engine reads it (CSV options applied);
 *    or the producing SQL step described (`describeStepOutput`): its
 *    inputs learned the same way, its `CREATE TABLE … AS` made views, the
 *    output's columns read from DuckDB's DESCRIBE, nothing written.
 *
 * A Python step, or a notebook whose SQL does not say, cannot be described
 * so: the answer says why and that a local run makes the table readable.
 * DuckDB runs in the local engine's SQL workers, never in this process; a
 * describe reads only the files of the tables it needs, in a DuckDB
 * sandboxed as a step is, that reaches nothing else.
 */
export function createTableDescriber(
  options: TableDescriberOptions
): TableDescriber {
  const { root, plan } = options
  const workers = localSqlWorkers(root, options.env)
  const learned = new Map<string, Promise<Learned>>()
  const runLocally = `run the flow once locally (dtflw run --profile ${plan.profile}), which leaves the table for dtflw to read`

  async function fromFile(
    name: string,
    table: LocalTable,
    from: string
  ): Promise<Learned> {
    const input = await fileInput(name, table)
    const described = await describeFile(workers, input)
    if (!described.ok) {
      return { ok: false, why: `${from} does not read: ${described.why}` }
    }
    const file = { table, reader: input.reader, grant: input.grant }
    return { ok: true, shape: { columns: described.columns, from, file } }
  }

  async function learnSource(name: string): Promise<Learned> {
    const source = plan.sources.find((s) => s.name === name)
    if (!source?.location) {
      return {
        ok: false,
        why: `profile ${plan.profile} says nowhere where source "${name}" lives`,
        fix: `set sources.${name} in profile ${plan.profile}`
      }
    }
    let table: LocalTable
    try {
      table = resolveLocalTable(root, source.location, source.options)
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error
      return {
        ok: false,
        why: `profile ${plan.profile} keeps source "${name}" in remote storage (${error.message.split(' ')[0]}), which the local engine does not read`,
        fix: `point sources.${name} of profile ${plan.profile} at a local file`
      }
    }
    const where = toPosixRelative(root, table.path)
    if (!(await tableExists(table))) {
      return {
        ok: false,
        why: `source "${name}" is not at ${where}, where profile ${plan.profile} says it lives`,
        fix: `put the file there`
      }
    }
    return fromFile(name, table, `source file ${where}`)
  }

  async function learnOutput(
    step: PlannedStep,
    output: PlannedOutput
  ): Promise<Learned> {
    const declared = output.columns?.map((c) => ({
      name: c.name,
      type: c.type === null ? undefined : toDuckdbType(c.type)
    }))
    if (declared?.every((c) => c.type !== undefined)) {
      return {
        ok: true,
        shape: {
          columns: declared as DuckdbColumn[],
          from: `the columns step "${step.key}" declares`
        }
      }
    }
    const table = resolveLocalTable(root, output.location)
    if (await tableExists(table)) {
      const where = toPosixRelative(root, table.path)
      return fromFile(
        output.alias,
        table,
        `the table an earlier run left (${where})`
      )
    }
    const notebook = await readNotebook(
      path.join(root, step.notebook),
      step.notebook
    )
    if (planRunMode(notebook) !== 'sql') {
      return {
        ok: false,
        why: `"${output.alias}" is written by step "${step.key}" (${step.notebook}), a Python notebook, which dtflw cannot describe without running it`
      }
    }
    const inputs: StepInput[] = []
    const missing: Record<string, string> = {}
    for (const input of step.inputs) {
      const shape = await learnInput(step, input)
      if (!shape.ok && !input.optional) return shape
      if (!shape.ok || !input.location) {
        missing[input.param] = ''
        continue
      }
      const file = shape.shape.file
      inputs.push({
        input,
        table: file?.table ?? plannedTable(input),
        reader: file?.reader ?? typedEmptyRelation(shape.shape.columns),
        grant: file?.grant ?? { paths: [], directories: [] }
      })
    }
    const described = await describeStepOutput(workers, {
      root,
      step,
      output,
      notebook,
      inputs,
      missing
    })
    return described.ok
      ? {
          ok: true,
          shape: {
            columns: described.columns,
            from: `the SQL of step "${step.key}" over profile ${plan.profile}'s local data`
          }
        }
      : { ok: false, why: described.why }
  }

  /** The planned file of an input no run has written (its literal value). */
  function plannedTable(input: PlannedInput): LocalTable {
    return resolveLocalTable(root, input.location!)
  }

  /** An input of a step being described: a source, a table, or its own kept table. */
  function learnInput(
    step: PlannedStep,
    input: PlannedInput
  ): Promise<Learned> {
    if (!input.location) {
      return Promise.resolve({ ok: false, why: 'nothing provides it' })
    }
    if (input.isSource) return learn(input.table, undefined)
    if (input.producer) return learn(input.table, input.producer)
    // The table the step keeps itself (read and rewritten): as it is now.
    const table = resolveLocalTable(root, input.location)
    return tableExists(table).then((exists) =>
      exists
        ? fromFile(input.table, table, `the table "${input.table}"`)
        : { ok: false, why: `no run has written "${input.table}" yet` }
    )
  }

  function learn(
    table: string,
    producer: string | undefined
  ): Promise<Learned> {
    const key = `${producer ?? ''}\u0000${table}`
    let found = learned.get(key)
    if (!found) {
      found = learnOnce(table, producer).catch((error: unknown): Learned => {
        if (error instanceof StepFailure) {
          return { ok: false, why: error.error.message.replace(/[.;]$/, '') }
        }
        if (error instanceof DtflwError) {
          return { ok: false, why: error.message.replace(/[.;]$/, '') }
        }
        throw error
      })
      learned.set(key, found)
    }
    return found
  }

  function learnOnce(
    table: string,
    producer: string | undefined
  ): Promise<Learned> {
    if (producer === undefined) return learnSource(table)
    const step = plan.steps.find((s) => s.key === producer)
    const output = step?.outputs.find((o) => o.alias === table)
    if (!step || !output) {
      return Promise.resolve({
        ok: false,
        why: `step "${producer}" does not write "${table}" in the plan of profile ${plan.profile}`
      })
    }
    return learnOutput(step, output)
  }

  return {
    async describe(table, producer) {
      try {
        findDuckDB(root)
      } catch (error) {
        if (!(error instanceof DtflwError)) throw error
        return {
          ok: false,
          why: 'the local engine needs DuckDB (@duckdb/node-api) to describe it, and it is not installed here',
          fix: 'run npm install'
        }
      }
      const found = await learn(table, producer)
      if (!found.ok) {
        return { ok: false, why: found.why, fix: found.fix ?? runLocally }
      }
      return {
        ok: true,
        columns: found.shape.columns.map((c) => ({
          name: c.name,
          type: toSparkType(c.type)
        })),
        from: found.shape.from
      }
    }
  }
}
