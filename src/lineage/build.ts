import type { Plan, PlannedInput, PlannedStep } from '../flow/index.js'
import type { RunReport, StepResult } from '../report/index.js'
import { flag, observeStep } from './observe.js'
import { compareText } from './order.js'
import {
  createEdgeRegistry,
  createTableRegistry,
  stepId,
  tableId
} from './registry.js'
import type { TableDraft, TableRegistry } from './registry.js'
import type {
  Lineage,
  LineageEdge,
  LineageFlag,
  LineageFlagKind,
  LineageStep,
  LineageTable
} from './types.js'

/** Extra facts about the steps that the plan alone does not hold. */
export interface BuildLineageOptions {
  /** From `fingerprintSteps`, so a diff can tell which steps changed. */
  readonly fingerprints?: Readonly<Record<string, string>>
}

const FLAG_ORDER: readonly LineageFlagKind[] = [
  'not-run',
  'declared-not-written',
  'written-not-declared',
  'read-not-declared',
  'not-planned'
]

/**
 * The lineage of a plan, and what a run of it observed when a report is given.
 * Pure: the same plan and report give the same lineage, in the same order.
 */
export function buildLineage(
  plan: Plan,
  report?: RunReport,
  options: BuildLineageOptions = {}
): Lineage {
  const planned = new Map(plan.steps.map((s) => [s.key, s]))
  const steps = [...plan.steps].sort(
    (a, b) => a.index - b.index || compareText(a.key, b.key)
  )
  const tables = createTableRegistry()
  const edges = createEdgeRegistry()
  const addEdge = edges.add

  // Declared lineage, walked in manifest order so that an input meets the
  // version its producer registered before it.
  for (const step of steps) {
    for (const input of step.inputs) {
      const table = inputVersion(tables, plan, planned, input)
      if (table) {
        addEdge({
          from: tableId(table.key),
          to: stepId(step.key),
          kind: 'read',
          declared: true
        })
      }
    }
    for (const output of step.outputs) {
      const table = tables.version(output.alias, step.key, 'table', step.index)
      table.location ??= output.location
      table.columns ??= output.columns
      addEdge({
        from: stepId(step.key),
        to: tableId(table.key),
        kind: 'write',
        declared: true
      })
    }
  }

  const flags: LineageFlag[] = []
  const results = new Map(report?.steps.map((r) => [r.key, r]) ?? [])
  if (report) {
    for (const step of steps) {
      const result = results.get(step.key)
      if (!result) {
        flags.push(
          flag(
            'not-run',
            step.key,
            undefined,
            `step "${step.key}" is not in the run report`
          )
        )
        continue
      }
      observeStep(step, result, tables, edges, flags)
    }
    for (const result of report.steps) {
      if (!planned.has(result.key)) {
        flags.push(
          flag(
            'not-planned',
            result.key,
            undefined,
            `the run report has step "${result.key}", which the plan does not`
          )
        )
      }
    }
  }

  const stepOrder = new Map(steps.map((s, i) => [s.key, i]))
  return {
    schemaVersion: 1,
    pipeline: plan.pipeline,
    profile: plan.profile,
    engine: plan.engine,
    steps: steps.map((s) => toLineageStep(s, results.get(s.key), options)),
    tables: tables
      .all()
      .sort((a, b) => compareText(a.key, b.key))
      .map(toLineageTable),
    edges: edges
      .all()
      .sort(
        (a, b) =>
          compareText(a.from, b.from) ||
          compareText(a.to, b.to) ||
          compareText(a.kind, b.kind)
      )
      .map((e): LineageEdge => ({ ...e })),
    flags: flags.sort(
      (a, b) =>
        (stepOrder.get(a.step) ?? Infinity) -
          (stepOrder.get(b.step) ?? Infinity) ||
        compareText(a.step, b.step) ||
        FLAG_ORDER.indexOf(a.kind) - FLAG_ORDER.indexOf(b.kind) ||
        compareText(a.table ?? '', b.table ?? '')
    ),
    excluded: [...plan.excluded].sort(compareText),
    ...(report && {
      run: {
        runId: report.runId,
        status: report.status,
        startedAt: report.startedAt,
        finishedAt: report.finishedAt,
        durationMs: report.durationMs,
        ...(report.gitSha !== undefined && { gitSha: report.gitSha })
      }
    })
  }
}

function inputVersion(
  tables: TableRegistry,
  plan: Plan,
  planned: ReadonlyMap<string, PlannedStep>,
  input: PlannedInput
): TableDraft | undefined {
  if (input.producer !== undefined) {
    const producer = planned.get(input.producer)
    if (producer)
      return tables.version(input.table, producer.key, 'table', producer.index)
    const deferred = tables.version(input.table, input.producer, 'deferred', -1)
    deferred.location ??= input.location
    return deferred
  }
  const location =
    input.location ?? plan.sources.find((s) => s.name === input.table)?.location
  // An optional input that nothing provides reaches the notebook as "": no node.
  if (!input.isSource && location === undefined) return undefined
  const source = tables.version(input.table, undefined, 'source', -1)
  source.location ??= location
  return source
}

function toLineageStep(
  step: PlannedStep,
  result: StepResult | undefined,
  options: BuildLineageOptions
): LineageStep {
  const fingerprint = options.fingerprints?.[step.key]
  return {
    id: stepId(step.key),
    key: step.key,
    index: step.index,
    notebook: step.notebook,
    args: { ...step.args },
    dependsOn: [...step.dependsOn].sort(compareText),
    ...(fingerprint !== undefined && { fingerprint }),
    ...(result && {
      status: result.status,
      ...(result.durationMs !== undefined && { durationMs: result.durationMs }),
      ...(result.runUrl !== undefined && { runUrl: result.runUrl }),
      ...(result.error && { error: result.error.message })
    })
  }
}

function toLineageTable(t: TableDraft): LineageTable {
  return {
    id: tableId(t.key),
    key: t.key,
    name: t.name,
    kind: t.kind,
    ...(t.producer !== undefined && { producer: t.producer }),
    ...(t.location !== undefined && { location: t.location }),
    ...(t.columns !== undefined && { columns: t.columns }),
    ...(t.rows !== undefined && { rows: t.rows })
  }
}
