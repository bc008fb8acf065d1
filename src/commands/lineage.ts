import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import { ExitCode, UsageError, warningAt } from '../diagnostics/index.js'
import { changedSteps, fingerprintSteps } from '../flow/index.js'
import type { Plan } from '../flow/index.js'
import type { LineageDiff } from '../lineage/index.js'
import {
  buildLineage,
  diffLineage,
  renderLineageJson,
  renderLineageSummary,
  renderMermaid,
  renderOpenLineage
} from '../lineage/index.js'
import type { RunReport } from '../report/index.js'
import { readRunReport } from '../report/index.js'
import type { CommandDeps } from './deps.js'
import { loadPlanAtRef } from './base-plan.js'
import type { BaseQuery } from './base-plan.js'
import { loadPlan } from './loaded-plan.js'
import type { LoadedPlan } from './loaded-plan.js'
import type { LineageFormat, LineageRequest, Located } from './request/index.js'
import type { CommandResult, LineageView } from './result.js'

/** Which lineage to show: the plan's, and its diff against `base`. */
export interface LineageQuery extends BaseQuery {
  readonly base?: string
}

/**
 * What reads and writes what, for one profile: declared from the plan,
 * observed from a run report (`--report`), compared with another ref
 * (`--base`), in the format asked for.
 */
export async function runLineage(
  request: Located<LineageRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const loaded = await loadPlan({ ...request, offline: true }, deps)
  const report = request.report
    ? await loadReport(path.resolve(request.cwd, request.report))
    : undefined
  const view = await buildLineageView(loaded, request, deps, report)
  const format = request.format ?? 'markdown'
  const text = render(format, view, view.diff ? request.base : undefined)
  return {
    exitCode: ExitCode.Success,
    diagnostics: [...loaded.warnings, ...lineageWarnings(view)],
    data: {
      kind: 'lineage',
      format,
      text,
      ...(request.lineage ? { lineage: view } : {})
    }
  }
}

/** What a lineage view could not show, said as a warning. */
export function lineageWarnings(view: LineageView | undefined): Diagnostic[] {
  return view?.baseProblem
    ? [
        warningAt(
          'base-does-not-load',
          `${view.baseProblem}: the lineage shows no diff against it.`
        )
      ]
    : []
}

/**
 * The lineage of a loaded plan (observed from `report` when given) and,
 * with `query.base`, its diff against the same pipeline at that ref:
 * what `lineage`, and `plan` and `run` with `request.lineage`, return for
 * the pull-request comment and the job summary.
 */
export async function buildLineageView(
  loaded: LoadedPlan,
  query: LineageQuery,
  deps: CommandDeps,
  report?: RunReport
): Promise<LineageView> {
  const { plan, project, profile, gitSha } = loaded
  const root = project.manifest.root
  const fingerprints = await fingerprintSteps(plan, (p) =>
    readFile(path.join(root, p), 'utf8')
  )
  const lineage = buildLineage(plan, report, { fingerprints })
  let diff: LineageDiff | undefined
  let baseProblem: string | undefined
  if (query.base) {
    const base = await loadPlanAtRef(project, query.base, query, deps, gitSha)
    if (base && 'broken' in base) {
      baseProblem = base.broken
    } else {
      const baseLineage = base
        ? buildLineage(base.plan, undefined, {
            fingerprints: base.fingerprints
          })
        : buildLineage(emptyPlanLike(plan))
      diff = diffLineage(
        baseLineage,
        lineage,
        changedSteps(base?.fingerprints ?? {}, fingerprints).changed
      )
    }
  }
  const host = (profile.values.workspace as { host?: unknown } | undefined)
    ?.host
  return {
    lineage,
    ...(diff ? { diff } : {}),
    ...(query.base ? { baseRef: query.base } : {}),
    ...(baseProblem ? { baseProblem } : {}),
    ...(report ? { report } : {}),
    naming: {
      baseDir: root,
      ...(typeof host === 'string' ? { workspaceHost: host } : {})
    }
  }
}

function render(
  format: LineageFormat,
  view: LineageView,
  baseRef: string | undefined
): string {
  const { lineage, diff, report, naming } = view
  switch (format) {
    case 'markdown':
      return renderLineageSummary(lineage, { diff, baseRef }).text
    case 'mermaid': {
      const graph = renderMermaid(lineage, { diff })
      // Mermaid comments keep the output a valid diagram file.
      return graph.text === ''
        ? `%% The graph (${graph.totalNodes} nodes) does not fit Mermaid's limits of 50,000 characters and 500 edges.\n%% Use --format markdown for a table, or --base REF to draw only what changed.\n`
        : graph.text
    }
    case 'openlineage':
      return renderOpenLineage(lineage, report, naming)
    case 'json':
      return renderLineageJson(lineage, diff)
  }
}

/** A plan with no steps: the base of a diff when the pipeline is new. */
function emptyPlanLike(plan: Plan): Plan {
  return {
    ...plan,
    steps: [],
    edges: [],
    levels: [],
    criticalPath: [],
    sources: [],
    excluded: []
  }
}

async function loadReport(file: string): Promise<RunReport> {
  try {
    return await readRunReport(file)
  } catch (error) {
    throw new UsageError(
      `cannot read the run report ${file}: ${(error as Error).message}; pass the report.json of a run (.dtflw/runs/<run-id>/report.json).`
    )
  }
}
