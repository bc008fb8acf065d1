import { plural } from '../diagnostics/index.js'
import type { CommandData } from '../commands/index.js'
import { renderExplain } from '../profiles/index.js'
import { renderDataDiff, renderDataDiffBrief } from './render-diff.js'
import { locationValue } from '../flow/index.js'
import type { Plan } from '../flow/index.js'
import { displayText } from '../diagnostics/index.js'
import { MESSAGE_SHOWN, seconds, URL_SHOWN } from '../report/index.js'
import type { RunReport, StepResult } from '../report/index.js'

/** The plan for a person: steps by level, parameters, edges, critical path. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = []
  const where =
    plan.engine === 'local' ? 'on this machine (DuckDB)' : `on ${plan.engine}`
  lines.push(
    `Plan for ${plan.pipeline} on profile ${plan.profile}, ${where}: ${plural(plan.steps.length, 'step')} in ${plural(plan.levels.length, 'level')}.`
  )
  if (plan.excluded.length > 0) {
    lines.push(`Left out by the selection: ${plan.excluded.join(', ')}.`)
  }
  const byKey = new Map(plan.steps.map((s) => [s.key, s]))
  plan.levels.forEach((level, i) => {
    lines.push('')
    lines.push(
      `Level ${i + 1}${level.length > 1 ? ` (${level.length} in parallel)` : ''}`
    )
    for (const key of level) {
      const step = byKey.get(key)!
      const after =
        step.dependsOn.length > 0 ? `  after ${step.dependsOn.join(', ')}` : ''
      lines.push(`  ${step.key}  ${step.notebook}${after}`)
      const width = Math.max(
        0,
        ...Object.keys(step.parameters).map((p) => p.length)
      )
      for (const [param, value] of Object.entries(step.parameters)) {
        lines.push(
          `      ${param.padEnd(width)}  ${value === '' ? '""' : value}`
        )
      }
    }
  })
  const ordering = plan.edges.filter((e) => e.kind !== 'data')
  if (ordering.length > 0) {
    lines.push('')
    lines.push('Ordering kept where steps share a location:')
    for (const e of ordering)
      lines.push(`  ${e.from} -> ${e.to}  (${e.kind}, ${e.table})`)
  }
  lines.push('')
  lines.push(`Critical path: ${plan.criticalPath.join(' -> ') || '(empty)'}`)
  return lines.join('\n')
}

const MARK: Record<StepResult['status'], string> = {
  succeeded: 'ok',
  failed: 'FAILED',
  skipped: 'skipped',
  lazy: 'skipped',
  cancelled: 'cancelled',
  pending: 'not run'
}

/** Characters of an exit value the run's summary shows. */
const EXIT_SHOWN = 200

/** An exit value for one line: escaped, cut, and its whole length said. */
function shownExit(step: StepResult): string {
  const value = step.exitValue ?? ''
  return displayText(value, EXIT_SHOWN, step.exitValueLength)
}

/** The end-of-run table: status, duration, exit value or error per step. */
export function renderRunSummary(
  report: RunReport,
  reportPath: string
): string {
  const width = Math.max(4, ...report.steps.map((s) => s.key.length))
  const lines = [
    `Run ${report.runId} of ${report.pipeline} on ${report.profile}: ${report.status} in ${seconds(report.durationMs)}.`
  ]
  if (report.runUrl)
    lines.push(`Run page: ${displayText(report.runUrl, URL_SHOWN)}`)
  for (const s of report.steps) {
    let note = ''
    if (s.error) note = `  ${displayText(s.error.message, MESSAGE_SHOWN)}`
    else if (s.status === 'lazy') note = '  (outputs exist)'
    else if (s.skippedBecause)
      note = `  because ${s.skippedBecause} did not succeed`
    else if (s.exitValue !== undefined) note = `  exit: ${shownExit(s)}`
    if (s.runUrl && s.status !== 'succeeded') {
      note += `  ${displayText(s.runUrl, URL_SHOWN)}`
    }
    lines.push(
      `  ${MARK[s.status].padEnd(9)} ${s.key.padEnd(width)} ${seconds(s.durationMs).padStart(7)}${note}`
    )
  }
  if (report.resume) lines.push(`Resume with: --select "${report.resume}"`)
  if (report.dataDiff) lines.push(...renderDataDiffBrief(report.dataDiff))
  lines.push(`Report: ${reportPath}`)
  return lines.join('\n')
}

/** What a command prints on stdout for a person. */
export function renderData(data: CommandData): string {
  switch (data.kind) {
    case 'validate': {
      if (data.errors > 0) {
        const fix = data.errors === 1 ? 'fix it' : 'fix them'
        return `${plural(data.errors, 'error')}${data.warnings ? ` and ${plural(data.warnings, 'warning')}` : ''}; ${fix} and run dtflw validate again.`
      }
      const also = data.warnings ? ` (${plural(data.warnings, 'warning')})` : ''
      return `Valid: ${plural(data.steps, 'step')} and ${plural(data.profiles.length, 'profile')} (${data.profiles.join(', ')})${also}.`
    }
    case 'plan': {
      const head = data.changed
        ? `Changed since ${data.changed.base}: ${[...data.changed.changed, ...data.changed.added].join(', ') || 'nothing'}; selected with downstream: ${data.changed.selected.join(', ') || 'nothing'}.\n`
        : ''
      return head + renderPlanText(data.plan)
    }
    case 'explain':
      return renderExplain(data.rows)
    case 'deploy':
      return renderDeploy(data)
    case 'run':
      return renderRunSummary(data.report, data.reportPath)
    case 'cleanup':
      return renderCleanup(data.result)
    case 'cancel':
      return `Cancelled run ${data.remoteRunId} on ${data.profile}.`
    case 'promote':
      return renderPromote(data)
    case 'add': {
      const step = data.step
      const where = step.after ? `after ${step.after}` : 'first'
      const from = step.template ? ` from template ${step.template}` : ''
      const widgets = step.profile
        ? ` Its widgets hold profile ${step.profile}'s values.`
        : ''
      const next = step.template
        ? 'Next: review the notebook, then dtflw run --profile development.'
        : 'Next: write the notebook, then dtflw validate.'
      // Learned types are the local data's: worth a look before a run.
      const learned = (step.learned ?? []).map(
        (l) =>
          `Learned the columns of ${l.table} from ${l.from}; check their types in ${step.manifest}.\n`
      )
      return `Added step ${step.key} (${step.notebook})${from} ${where} at ${step.manifest}:${step.line}.${widgets}\n${learned.join('')}${next}`
    }
    case 'templates': {
      const width = Math.max(...data.templates.map((t) => t.name.length))
      return data.templates
        .map(
          (t) =>
            `${t.name.padEnd(width)}  ${t.summary} (${t.languages.join(', ')})`
        )
        .join('\n')
    }
    case 'widgets':
      return Object.entries(data.parameters)
        .map(([name, value]) => `${name} = ${value}`)
        .join('\n')
    case 'lineage':
      return data.text
    case 'diff':
      return renderDataDiff(data)
  }
}

function renderDeploy(data: Extract<CommandData, { kind: 'deploy' }>): string {
  const r = data.result
  const counts = [
    `${r.uploaded.length} uploaded`,
    `${r.unchanged.length} unchanged`,
    `${r.removed.length} removed`
  ].join(', ')
  const requests =
    r.requests !== undefined ? ` in ${plural(r.requests, 'request')}` : ''
  const took = r.lockTakenOver
    ? `\nTook over the deploy lock of ${r.lockTakenOver.holder} (${LOCK_REASONS[r.lockTakenOver.reason] ?? r.lockTakenOver.reason}).`
    : ''
  return `Deployed ${data.profile}${data.preview ? ` (preview ${data.preview})` : ''} to ${r.root}: ${counts}${requests}.${took}`
}

/** Why a deploy could take another's lock, in words. */
const LOCK_REASONS: Readonly<Record<string, string>> = {
  expired: 'it had expired',
  rerun: 'an earlier attempt of this CI run',
  forced: '--force-lock',
  unreadable: 'its file could not be read'
}

/** What `--json` prints: the data as plain JSON. */
export function dataToJson(data: CommandData): unknown {
  switch (data.kind) {
    case 'run':
      return data.report
    case 'lineage':
      switch (data.format) {
        case 'json':
          return JSON.parse(data.text)
        case 'openlineage':
          // JSON Lines (OpenLineage's file transport): one event a line,
          // which is not one JSON document; --json prints them as an array.
          return data.text
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as unknown)
        default:
          return { format: data.format, text: data.text }
      }
    default: {
      const { kind: _kind, ...rest } = data
      return rest
    }
  }
}

function renderPromote(
  data: Extract<CommandData, { kind: 'promote' }>
): string {
  const e = data.evidence
  const lines = [
    `${data.sha.slice(0, 12)} passed ${data.from} in run ${e.runId} at ${e.at}${e.runUrl ? ` (${e.runUrl})` : ''}${e.who.databricks ? `, run by ${e.who.databricks}` : ''}.`
  ]
  if (data.dryRun) {
    const d = data.dryRun
    lines.push(`Promoting it to ${data.to} would deploy to ${d.root}:`)
    const list = (label: string, items: readonly string[]) =>
      lines.push(`  ${label}: ${items.length > 0 ? items.join(', ') : 'none'}`)
    list('upload', d.uploaded)
    list('remove', d.removed)
    list('unchanged', d.unchanged)
    const tables = data.plan.steps.flatMap((s) =>
      s.outputs.map((o) => locationValue(o.location))
    )
    list('tables written', [...new Set(tables)])
    lines.push('Nothing was written (--dry-run).')
    return lines.join('\n')
  }
  if (data.report && data.reportPath) {
    lines.push(renderRunSummary(data.report, data.reportPath))
  }
  if (data.recorded) lines.push(`Recorded: ${data.recorded}`)
  return lines.join('\n')
}

/** What a cleanup removed: previews, and the schemas dropped with them. */
function renderCleanup(result: {
  readonly removed: readonly string[]
  readonly kept: readonly string[]
  readonly droppedSchemas?: readonly string[]
  readonly keptSchemas?: readonly string[]
}): string {
  const { removed } = result
  const kept = result.kept.length
  const lines = [
    `${removed.length > 0 ? `Removed ${plural(removed.length, 'preview')}: ${removed.join(', ')}.` : 'Nothing to remove.'}${kept > 0 ? ` Kept ${plural(kept, 'preview')}.` : ''}`
  ]
  const dropped = result.droppedSchemas ?? []
  if (dropped.length > 0)
    lines.push(
      `Dropped ${dropped.length === 1 ? 'its schema' : 'their schemas'} with the tables in ${dropped.length === 1 ? 'it' : 'them'}: ${dropped.join(', ')}.`
    )
  for (const schema of result.keptSchemas ?? [])
    lines.push(
      `Kept the schema ${schema}: dtflw did not make it (it lacks dtflw's comment); drop it yourself if it holds only the preview's tables.`
    )
  return lines.join('\n')
}
