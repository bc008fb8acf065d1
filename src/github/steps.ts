import type { RunReport, StepResult, StepStatus } from '../report/index.js'
import {
  code,
  codeCell,
  formatCount,
  formatDuration,
  link,
  oneLine,
  plural,
  STEP_STATUS_LABELS
} from './markdown.js'

/**
 * How much of the steps table a report shows, from most to least:
 * - `all`: every step in manifest order;
 * - `problems`: the steps that did not succeed, failed first, at most 50;
 * - `failed`: the failed steps only, at most 10;
 * - `counts`: counts by status and the names of the first failed steps.
 * Every level below `all` starts with the counts, so nothing is hidden
 * without saying so.
 */
export type StepsLevel = 'all' | 'problems' | 'failed' | 'counts'

/** The levels from most to least. */
export const STEPS_LEVELS: readonly StepsLevel[] = [
  'all',
  'problems',
  'failed',
  'counts'
]

const PROBLEM_ROWS = 50
const FAILED_ROWS = 10
const FAILED_NAMED = 5
const ERROR_CHARS = 200

// Display order of the counts and of the problem rows.
const ORDER: readonly StepStatus[] = [
  'failed',
  'cancelled',
  'skipped',
  'pending',
  'succeeded',
  'lazy'
]

const isProblem = (s: StepResult): boolean =>
  s.status !== 'succeeded' && s.status !== 'lazy'

/** Options of `renderSteps`. */
export interface StepsOptions {
  /** A sentence saying where every step is listed, shown when some are not. */
  readonly more?: string
  /** The `--select` that resumes the run is left out when longer than this. */
  readonly maxResumeChars?: number
}

/** The steps section of a report at one level. */
export function renderSteps(
  report: RunReport,
  level: StepsLevel,
  options: StepsOptions = {}
): string {
  const parts = ['### Steps']
  const problems = report.steps.filter(isProblem)
  if (level === 'all') {
    parts.push(renderTable(report.steps))
  } else {
    parts.push(renderCounts(report))
    const rows =
      level === 'problems'
        ? sortProblems(problems).slice(0, PROBLEM_ROWS)
        : level === 'failed'
          ? problems.filter((s) => s.status === 'failed').slice(0, FAILED_ROWS)
          : []
    if (rows.length > 0) {
      parts.push(
        renderTable(rows),
        `The table lists ${formatCount(rows.length)} of ${plural(problems.length, 'step')} ` +
          `that did not succeed${level === 'failed' ? ' (failed ones only)' : ', failed first'}.` +
          (options.more ? ` ${options.more}` : '')
      )
    } else if (options.more && report.steps.length > 0) {
      parts.push(options.more)
    }
  }
  const resume = renderResume(report, options.maxResumeChars)
  if (resume) parts.push(resume)
  return parts.join('\n\n')
}

/** `5,000 steps: 1 failed, 4,999 skipped. Failed: `a`, `b`.` */
function renderCounts(report: RunReport): string {
  const counts = new Map<StepStatus, number>()
  for (const s of report.steps)
    counts.set(s.status, (counts.get(s.status) ?? 0) + 1)
  const items = ORDER.filter((status) => counts.has(status)).map(
    (status) => `${formatCount(counts.get(status)!)} ${status}`
  )
  const failed = report.steps.filter((s) => s.status === 'failed')
  const named = failed.slice(0, FAILED_NAMED).map((s) => code(s.key))
  const rest = failed.length - named.length
  const failedText =
    failed.length > 0
      ? ` Failed: ${named.join(', ')}${rest > 0 ? ` and ${formatCount(rest)} more` : ''}.`
      : ''
  return `${plural(report.steps.length, 'step')}: ${items.join(', ')}.${failedText}`
}

function sortProblems(steps: readonly StepResult[]): StepResult[] {
  // Array.prototype.sort is stable: manifest order within a status.
  return [...steps].sort(
    (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status)
  )
}

function renderTable(steps: readonly StepResult[]): string {
  const runs = steps.some((s) => s.runUrl)
  const errors = steps.some((s) => problemText(s) !== '')
  const names = [
    'step',
    'status',
    'duration',
    ...(runs ? ['run'] : []),
    ...(errors ? ['error'] : [])
  ]
  const rows = steps.map((s) => {
    const cells = [
      codeCell(s.key),
      STEP_STATUS_LABELS[s.status],
      s.durationMs !== undefined ? formatDuration(s.durationMs) : '',
      ...(runs ? [s.runUrl ? link('run', s.runUrl) : ''] : []),
      ...(errors ? [problemText(s)] : [])
    ]
    return `| ${cells.join(' | ')} |`
  })
  return [
    `| ${names.join(' | ')} |`,
    `| ${names.map(() => '---').join(' | ')} |`,
    ...rows
  ].join('\n')
}

/** Why a step did not succeed, in one line. */
function problemText(s: StepResult): string {
  if (s.error) return codeCell(oneLine(s.error.message, ERROR_CHARS))
  if (s.skippedBecause) return `after ${codeCell(s.skippedBecause)}`
  return ''
}

function renderResume(
  report: RunReport,
  maxChars = Infinity
): string | undefined {
  if (!report.resume) return undefined
  const command = `dtflw run --profile ${report.profile} --select '${report.resume}'`
  return command.length <= maxChars
    ? `To run what did not finish: ${code(command)}`
    : 'The job summary has the command that runs what did not finish.'
}
