import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Diagnostic } from '../../../src/diagnostics/index.js'
import { buildFlow, planFlow } from '../../../src/flow/index.js'
import { parseManifest } from '../../../src/manifest/index.js'
import type { Plan } from '../../../src/flow/index.js'
import { buildLineage, diffLineage } from '../../../src/lineage/index.js'
import { loadProfile } from '../../../src/profiles/index.js'
import type { ResolvedProfile } from '../../../src/profiles/index.js'
import {
  buildRunReport,
  declaredAccesses,
  notRunResult
} from '../../../src/report/index.js'
import type { RunReport, StepResult } from '../../../src/report/index.js'
import type { GitHubReportInput } from '../../../src/github/index.js'
import { flowOf } from '../../support/manifest.js'

const SALES = fileURLToPath(new URL('../../../examples/sales', import.meta.url))
const SALES_MANIFEST = fileURLToPath(
  new URL('../../../examples/sales/dtflw.yaml', import.meta.url)
)

/** The sales example's `test` profile (Unity Catalog, Databricks engine). */
export function salesTestProfile(): Promise<ResolvedProfile> {
  return loadProfile({
    root: SALES,
    profilesDir: 'profiles',
    name: 'test',
    context: {
      env: { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' },
      pipeline: 'sales'
    }
  })
}

/** Plans manifest text with the real parser, flow builder and planner. */
export async function planText(text: string): Promise<Plan> {
  return planFlow(flowOf(text), await salesTestProfile(), {})
}

/** How a simulated run ends. */
export interface RunShape {
  /** Steps whose notebook fails; their dependents are skipped. */
  readonly failed?: readonly string[]
  readonly startedAt?: string
  readonly gitSha?: string
}

const runUrl = (i: number) =>
  `https://adb-1.azuredatabricks.net/?o=1#job/7/run/${1000 + i}`

/**
 * A report as the Databricks engine would give it for a plan: every step
 * succeeds with a run link, except the failed ones, whose dependents are
 * skipped; assembled by the real report builder.
 */
export function runReportOf(plan: Plan, shape: RunShape = {}): RunReport {
  const start = Date.parse(shape.startedAt ?? '2026-03-01T10:00:00.000Z')
  const failed = new Set(shape.failed ?? [])
  const outcome = new Map<string, StepResult>()
  const steps = plan.steps.map((step, i): StepResult => {
    const cause = step.dependsOn.find((d) => {
      const s = outcome.get(d)?.status
      return s === 'failed' || s === 'skipped'
    })
    const result: StepResult = cause
      ? notRunResult(step, 'skipped', {
          skippedBecause: outcome.get(cause)!.skippedBecause ?? cause
        })
      : {
          key: step.key,
          notebook: step.notebook,
          status: failed.has(step.key) ? 'failed' : 'succeeded',
          startedAt: new Date(start + i * 1000).toISOString(),
          finishedAt: new Date(start + i * 1000 + 1500).toISOString(),
          durationMs: 1500,
          attempt: 1,
          runUrl: runUrl(i),
          parameters: step.parameters,
          ...declaredAccesses(step),
          ...(failed.has(step.key) && {
            error: {
              kind: 'notebook',
              message: `AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] in ${step.key} | line 3`
            }
          })
        }
    outcome.set(step.key, result)
    return result
  })
  return buildRunReport({
    plan,
    runId: 'run-1',
    toolVersion: '0.1.0',
    gitSha: shape.gitSha ?? HEAD_SHA,
    startedAt: new Date(start),
    finishedAt: new Date(start + plan.steps.length * 1000 + 1500),
    steps,
    cancelled: false
  })
}

/** The head commit of the pull request in these scenarios. */
export const HEAD_SHA = '3f2c9d81a4b5e6f708192a3b4c5d6e7f8091a2b3'
/** The workflow run page. */
export const RUN_URL = 'https://github.com/acme/sales/actions/runs/42'

/** The sales example, and a pull request that adds a step reading the gold table. */
export async function salesPullRequest(
  shape: RunShape = {}
): Promise<GitHubReportInput> {
  const baseText = await readFile(SALES_MANIFEST, 'utf8')
  const headText =
    baseText +
    '  - notebook: notebooks/export_report.sql\n' +
    '    inputs: [sales_stats_by_product_gold]\n' +
    '    outputs: [sales_report]\n'
  const base = await planText(baseText)
  const head = await planText(headText)
  const report = runReportOf(head, shape)
  const lineage = buildLineage(head, report)
  return {
    pipeline: 'sales',
    profile: 'test',
    report,
    lineage,
    diff: diffLineage(buildLineage(base), lineage),
    baseRef: 'main',
    headSha: shape.gitSha ?? HEAD_SHA,
    runStartedAt: shape.startedAt ?? '2026-03-01T10:00:00.000Z',
    runUrl: RUN_URL,
    notes: [],
    preview: 'pr-7'
  }
}

/**
 * A manifest of `n` steps in 50 independent chains: step i reads the first
 * output of step i-50 (or a source) and writes two tables.
 */
export function chainsManifest(n: number): string {
  const lines = [
    'pipeline: sales',
    'sources:',
    '  raw_orders: {}',
    '  raw_products: {}',
    'flow:'
  ]
  for (let i = 0; i < n; i++) {
    const key = `step_${String(i).padStart(5, '0')}`
    const input =
      i < 50 ? (i % 2 === 0 ? 'raw_orders' : 'raw_products') : `t${i - 50}_a`
    lines.push(`  - notebook: notebooks/chain_${i % 50}/${key}.py`)
    lines.push(`    args: { year: "\${var.year}" }`)
    lines.push(`    inputs: [${input}]`)
    lines.push(`    outputs: [t${i}_a, t${i}_b]`)
  }
  return lines.join('\n') + '\n'
}

/**
 * A run of `n` steps where `failed` fail, on a pull request that changed the
 * notebook of the middle step (as `--changed-since` names it), so the diff
 * has one changed step and its downstream impact.
 */
export async function largePullRequest(
  n: number,
  failed: readonly string[]
): Promise<GitHubReportInput> {
  const plan = await planText(chainsManifest(n))
  const report = runReportOf(plan, { failed })
  const lineage = buildLineage(plan, report)
  const changed = plan.steps[Math.floor(n / 2)].key
  return {
    pipeline: 'sales',
    profile: 'test',
    report,
    lineage,
    diff: diffLineage(buildLineage(plan), lineage, [changed]),
    baseRef: 'main',
    headSha: HEAD_SHA,
    runStartedAt: '2026-03-01T10:00:00.000Z',
    runUrl: RUN_URL,
    notes: []
  }
}

/**
 * What `dtflw validate` finds in a manifest whose steps read `unknown`
 * tables that nothing produces, and which declares `unused` sources no
 * step reads.
 */
export function diagnosticsOf(unknown: number, unused: number): Diagnostic[] {
  const lines = ['pipeline: sales', 'sources:', '  raw_orders: {}']
  for (let i = 0; i < unused; i++) lines.push(`  spare_${i}: {}`)
  lines.push('flow:')
  lines.push('  - notebook: notebooks/ingest.py')
  lines.push('    inputs: [raw_orders]')
  lines.push('    outputs: [orders]')
  for (let i = 0; i < unknown; i++) {
    lines.push(`  - notebook: notebooks/step_${i}.py`)
    lines.push(`    inputs: [orders, missing_${i}]`)
    lines.push(`    outputs: [out_${i}]`)
  }
  const { manifest, diagnostics } = parseManifest(
    lines.join('\n') + '\n',
    'dtflw.yaml',
    '/repo'
  )
  if (!manifest) throw new Error(JSON.stringify(diagnostics))
  return [...diagnostics, ...buildFlow(manifest).diagnostics]
}
