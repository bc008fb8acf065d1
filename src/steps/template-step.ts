import { errorAt, warningAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { Manifest } from '../manifest/index.js'
import { tablesBefore } from './plan-step.js'
import { capitalized, knownColumns, planTemplate } from './templates/index.js'
import type {
  DescribeTable,
  KnownColumn,
  Language,
  Planned,
  UnknownColumns
} from './templates/index.js'

/** What `dtflw add --template` knows about the new step. */
export interface TemplateStep {
  readonly template: string
  readonly step: string
  readonly inputs: readonly string[]
  readonly outputs: readonly string[]
  readonly language: Language
  readonly key: readonly string[]
  readonly by: readonly string[]
  /** `--columns`: of the table it reads first. */
  readonly columns?: readonly string[]
  readonly after?: string
}

/**
 * What `dtflw add` knows of the columns of one table a template reads:
 * the columns (with `from` when dtflw learned them), or why it does not.
 */
interface TableColumns {
  readonly columns?: KnownColumn[]
  /** Where learned columns come from. */
  readonly from?: string
  /** Why they are not known. */
  readonly unknown?: UnknownColumns
}

/** A template applied, with the tables whose columns dtflw learned. */
export type PlannedTemplateStep = Planned & {
  readonly learned?: { table: string; from: string }[]
  readonly warnings?: Diagnostic[]
}

/**
 * The columns of `table` as read just before flow position `position`:
 * what the manifest declares on the output that produces it, else what
 * `describe` learns (the table a local run left, a source's file, the
 * producing SQL described). A declared column without a type, and a column
 * of `--columns`, takes the type `describe` learns for it.
 * @param named `--columns`
 */
async function columnsOf(
  manifest: Manifest,
  table: string,
  position: number,
  named: readonly string[] | undefined,
  describe: DescribeTable | undefined
): Promise<TableColumns> {
  const producer = tablesBefore(manifest, position).get(table)
  const declared =
    named?.map((name) => ({ name, type: null })) ??
    producer?.outputs.find((o) => o.alias === table)?.columns
  if (declared?.every((c) => c.type !== null)) {
    return { columns: knownColumns(declared) }
  }
  const described = describe ? await describe(table, producer?.key) : undefined
  if (declared) {
    return {
      columns: knownColumns(declared, described?.ok ? described.columns : [])
    }
  }
  if (described?.ok) {
    return { columns: knownColumns(described.columns), from: described.from }
  }
  return described ? { unknown: described } : {}
}

/**
 * What a template can know of each table it reads: `--columns` names the
 * first one's columns.
 */
async function columnsOfInputs(
  manifest: Manifest,
  request: TemplateStep,
  describe: DescribeTable | undefined
): Promise<Map<string, TableColumns>> {
  const after = request.after
    ? manifest.flow.findIndex((s) => s.key === request.after) + 1
    : 0
  const position = after > 0 ? after : manifest.flow.length
  const known = new Map<string, TableColumns>()
  for (const [i, table] of request.inputs.entries()) {
    const named = i === 0 ? request.columns : undefined
    known.set(
      table,
      await columnsOf(manifest, table, position, named, describe)
    )
  }
  return known
}

/**
 * Applies a template to the new step: its manifest fields, the values of
 * the template's placeholders, and the tables whose columns dtflw learned
 * (with where from); or why it cannot.
 * @param describe Learns columns the manifest does not declare.
 */
export async function planTemplateStep(
  manifest: Manifest,
  request: TemplateStep,
  describe: DescribeTable | undefined
): Promise<PlannedTemplateStep> {
  if (request.outputs.length !== 1) {
    return {
      ok: false,
      diagnostics: [
        errorAt(
          'template-outputs',
          `a template writes one table; got ${request.outputs.length === 0 ? 'none' : request.outputs.join(', ')}. Pass --outputs TABLE, or leave it out to name the table after the step.`
        )
      ]
    }
  }
  const known = await columnsOfInputs(manifest, request, describe)
  const planned = planTemplate(request.template, {
    step: request.step,
    inputs: request.inputs,
    output: request.outputs[0],
    language: request.language,
    key: request.key,
    by: request.by,
    columnsOf: (table) => known.get(table)?.columns,
    unknownWhy: (table) => known.get(table)?.unknown
  })
  if (!planned.ok) return planned
  const learned = [...known].flatMap(([table, c]) =>
    c.from ? [{ table, from: c.from }] : []
  )
  // The template went on without them: say what that costs, and why.
  const warnings = [...known].flatMap(([table, c]) =>
    c.unknown
      ? [
          warningAt(
            'template-columns-unknown',
            `the columns of "${table}" are not known, so the new step declares no columns for what it writes: ${c.unknown.why}. ${capitalized(c.unknown.fix)}, or pass --columns a,b,c.`
          )
        ]
      : []
  )
  return { ...planned, learned, warnings }
}
