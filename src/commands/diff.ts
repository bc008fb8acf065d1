import path from 'node:path'
import { ExitCode, UsageError } from '../diagnostics/index.js'
import { findNewestRunReport, readRunReport } from '../report/index.js'
import type { CommandDeps } from './deps.js'
import { loadProject } from './project.js'
import type { DiffRequest, Located } from './request/index.js'
import type { CommandResult } from './result.js'
import { DEFAULT_RUNS_DIR } from './run-flow.js'

/**
 * `dtflw diff`: the data diff a preview's run left in its report, from
 * `--report`, else from the newest run of the pipeline that compared any
 * table. It reads; it never runs or compares anything itself.
 */
export async function runDiff(
  request: Located<DiffRequest>,
  _deps: CommandDeps
): Promise<CommandResult> {
  const found = request.report
    ? await fromFile(path.resolve(request.cwd, request.report))
    : await newest(request)
  const { report, file } = found
  if (!report.dataDiff) {
    throw new UsageError(
      `run ${report.runId} compared no tables: only a preview's run (dtflw run --preview NAME) is compared with the environment's tables.`
    )
  }
  return {
    exitCode: ExitCode.Success,
    diagnostics: [],
    data: {
      kind: 'diff',
      runId: report.runId,
      ...(report.preview ? { preview: report.preview } : {}),
      reportPath: path.relative(request.cwd, file) || file,
      dataDiff: report.dataDiff
    }
  }
}

async function fromFile(file: string) {
  return { report: await readRunReport(file), file }
}

async function newest(request: Located<DiffRequest>) {
  const project = await loadProject(request.manifest, request.cwd)
  const runsDir = path.join(project.manifest.root, DEFAULT_RUNS_DIR)
  const found = await findNewestRunReport(
    runsDir,
    (report) => report.dataDiff !== undefined
  )
  if (!found) {
    throw new UsageError(
      `no run of ${project.manifest.pipeline} has compared tables yet: run a preview (dtflw run --profile P --preview NAME), whose tables are compared with the environment's, then dtflw diff.`
    )
  }
  return found
}
