import type { PlannedStep } from '../flow/index.js'
import type { StepResult, TableAccess } from '../report/index.js'
import { stepId, tableId } from './registry.js'
import type { EdgeRegistry, TableDraft, TableRegistry } from './registry.js'
import type { LineageFlag, LineageFlagKind } from './types.js'

const NOT_RUN = new Set(['skipped', 'cancelled', 'pending'])

/**
 * Merges what the report says of one step into the lineage under
 * construction: which declared edges it observed, rows, undeclared reads
 * and writes, and the flags for each difference.
 */
export function observeStep(
  step: PlannedStep,
  result: StepResult,
  tables: TableRegistry,
  edges: EdgeRegistry,
  flags: LineageFlag[]
): void {
  const key = step.key
  const addEdge = edges.add
  if (NOT_RUN.has(result.status)) {
    const why = result.skippedBecause
      ? ` (skipped because "${result.skippedBecause}" did not succeed)`
      : ` (${result.status})`
    flags.push(
      flag('not-run', key, undefined, `step "${key}" did not run${why}`)
    )
  }
  const outgoing = (kind: 'read' | 'write') =>
    edges.ofStep(stepId(key)).filter((e) => e.kind === kind && e.declared)

  // Writes are authoritative: an engine checks each declared output after a
  // step, so a write it does not report did not happen.
  const declaredWrites = outgoing('write')
  const written = new Set<string>()
  for (const access of result.writes) {
    const output = step.outputs.find(
      (o) =>
        o.param === access.param ||
        o.alias === access.table ||
        o.name === access.table
    )
    const table = output
      ? tables.version(output.alias, key, 'table', step.index)
      : tables.version(access.table, key, 'undeclared', step.index)
    table.location ??= access.location
    if (access.rows !== undefined) table.rows = access.rows
    written.add(tableId(table.key))
    if (!output) {
      addEdge({
        from: stepId(key),
        to: tableId(table.key),
        kind: 'write',
        declared: false,
        observed: true
      })
      flags.push(
        flag(
          'written-not-declared',
          key,
          access.table,
          `step "${key}" wrote "${access.table}", which it does not declare as an output`
        )
      )
    }
  }
  for (const edge of declaredWrites) {
    edge.observed = written.has(edge.to)
    if (!edge.observed && result.status === 'succeeded') {
      const name = tables.byId(edge.to)?.name ?? edge.to
      flags.push(
        flag(
          'declared-not-written',
          key,
          name,
          `step "${key}" succeeded but did not write its declared output "${name}"`
        )
      )
    }
  }

  // Reads are advisory: not every engine can see them, so an empty list
  // says nothing and only a non-empty one marks edges observed or not.
  if (result.reads.length === 0) return
  const declaredReads = outgoing('read')
  const read = new Set<string>()
  for (const access of result.reads) {
    const input = step.inputs.find(
      (i) =>
        i.param === access.param ||
        i.table === access.table ||
        i.name === access.table
    )
    const table = input
      ? declaredReads
          .map((e) => tables.byId(e.from))
          .find((t) => t?.name === input.table)
      : readUndeclared(tables, access, step.index)
    if (!table) continue
    table.location ??= access.location
    if (table.kind === 'source' && access.rows !== undefined)
      table.rows ??= access.rows
    read.add(tableId(table.key))
    if (!input) {
      addEdge({
        from: tableId(table.key),
        to: stepId(key),
        kind: 'read',
        declared: false,
        observed: true
      })
      flags.push(
        flag(
          'read-not-declared',
          key,
          access.table,
          `step "${key}" read "${access.table}", which it does not declare as an input`
        )
      )
    }
  }
  for (const edge of declaredReads) edge.observed = read.has(edge.from)
}

/** The latest version written before the step, as dtflw resolves inputs. */
function readUndeclared(
  tables: TableRegistry,
  access: TableAccess,
  index: number
): TableDraft {
  const earlier = tables
    .named(access.table)
    .filter((t) => t.order < index)
    .sort((a, b) => b.order - a.order)
  return earlier[0] ?? tables.version(access.table, undefined, 'undeclared', -1)
}

/** A flag with its message. */
export function flag(
  kind: LineageFlagKind,
  step: string,
  table: string | undefined,
  message: string
): LineageFlag {
  return { kind, step, ...(table !== undefined && { table }), message }
}
