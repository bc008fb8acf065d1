import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ExitCode, UsageError } from '../diagnostics/index.js'
import { changedSteps, fingerprintSteps } from '../flow/fingerprint.js'
import type { Plan } from '../flow/index.js'
import type {
  DatasetNamingOptions,
  Lineage,
  LineageDiff
} from '../lineage/index.js'
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
import { loadPlan, loadPlanAtRef } from './project.js'
import type { CommandDeps, CommandResult, LocatedRequest } from './types.js'

/**
 * What reads and writes what, for one profile: declared from the plan,
 * observed from a run report (`--report`), compared with another ref
 * (`--base`), in the format asked for.
 */
export async function runLineage(
  request: LocatedRequest,
  deps: CommandDeps
): Promise<CommandResult> {
  const { plan, project, profile, gitSha, warnings } = await loadPlan(
    request,
    deps
  )
  const root = project.manifest.root
  const report = request.report
    ? await loadReport(path.resolve(request.cwd, request.report))
    : undefined
  const read = (base: string) => (p: string) =>
    readFile(path.join(base, p), 'utf8')
  const fingerprints = await fingerprintSteps(plan, read(root))
  const lineage = buildLineage(plan, report, { fingerprints })
  let diff: LineageDiff | undefined
  if (request.base) {
    const base = await loadPlanAtRef(
      project,
      request.base,
      request,
      deps,
      gitSha
    )
    const baseLineage = base
      ? buildLineage(base.plan, undefined, { fingerprints: base.fingerprints })
      : buildLineage(emptyPlanLike(plan))
    diff = diffLineage(
      baseLineage,
      lineage,
      changedSteps(base?.fingerprints ?? {}, fingerprints).changed
    )
  }
  const format = request.format ?? 'markdown'
  const host = (profile.values.workspace as { host?: unknown } | undefined)
    ?.host
  const text = render(format, lineage, diff, report, request.base, {
    baseDir: root,
    ...(typeof host === 'string' ? { workspaceHost: host } : {})
  })
  return {
    exitCode: ExitCode.Success,
    diagnostics: warnings,
    data: { kind: 'lineage', format, text }
  }
}

function render(
  format: NonNullable<LocatedRequest['format']>,
  lineage: Lineage,
  diff: LineageDiff | undefined,
  report: RunReport | undefined,
  baseRef: string | undefined,
  naming: DatasetNamingOptions
): string {
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
