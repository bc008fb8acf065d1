import { hasErrors } from '../diagnostics/index.js'
import { renderLineageSummary } from '../lineage/index.js'
import type { SummaryLevel } from '../lineage/index.js'
import { textSize } from './limits.js'
import { code, formatDuration, link, oneLine, plural } from './markdown.js'
import { renderDataChanges } from './data-changes.js'
import { renderProblems } from './problems.js'
import { renderSteps, STEPS_LEVELS } from './steps.js'
import type { StepsLevel } from './steps.js'
import type { GitHubReportInput } from './types.js'

/** How a report page (comment or job summary) is laid out and bounded. */
export interface PageOptions {
  /** The page never exceeds this, counted in UTF-16 units and UTF-8 bytes. */
  readonly limit: number
  /**
   * The part of the limit the steps table may take before the lineage gets
   * the rest; any room the lineage leaves goes back to the steps.
   */
  readonly stepsShare: number
  /** Lines before the title (the comment's hidden marker and run record). */
  readonly hidden?: readonly string[]
  /** Where the whole report is (the job summary), linked when parts are left out. */
  readonly moreUrl?: string
  /** Rows per lineage table at the lineage summary's reduced levels. */
  readonly maxLineageRows?: number
  readonly maxResumeChars?: number
}

/** A rendered page and how much of each part it shows. */
export interface Page {
  readonly text: string
  /** `none` when there was no run. */
  readonly steps: StepsLevel | 'none'
  /** `none` when there was no lineage (an invalid manifest). */
  readonly lineage: SummaryLevel | 'none'
}

const NOTE_CHARS = 500
// Notes are few and short; the share only bounds a pathological list.
const NOTES_SHARE = 0.15
// Problems come with an invalid manifest, when there is no lineage to show.
const PROBLEMS_SHARE = 0.25
const DATA_SHARE = 0.25

const RUN_STATUS = {
  succeeded: '✅',
  failed: '❌',
  cancelled: '⛔',
  invalid: '⚠️',
  planned: '📋'
} as const

/**
 * The report as one Markdown page within `limit`: title, notes, problems,
 * steps, the lineage summary. The steps table first gets up to its share of the limit
 * (its richest level that fits there), the lineage summary degrades within
 * what is left, then the steps table takes the richest level that fits
 * beside the lineage. Both parts are additive in size, so the page fits.
 */
export function renderPage(
  input: GitHubReportInput,
  options: PageOptions
): Page {
  const { report } = input
  const hidden = options.hidden ?? []
  const head = [
    ...(hidden.length > 0 ? [hidden.join('\n')] : []),
    renderTitle(input),
    renderSubtitle(input)
  ]
  const notes = renderNotes(input.notes, options.limit * NOTES_SHARE)
  if (notes) head.push(notes)
  const problems = renderProblems(
    input.diagnostics ?? [],
    options.limit * PROBLEMS_SHARE
  )
  if (problems) head.push(problems)
  const footer = renderFooter(input)
  // What the change did to the data, right after the steps: a reviewer's
  // first question. Its share bounds it; it degrades within it.
  const data = report?.dataDiff
    ? (renderDataChanges(report.dataDiff, options.limit * DATA_SHARE)?.text ??
      '')
    : ''
  const assemble = (steps: string, lineage: string): string =>
    [...head, steps, data, lineage.trimEnd(), footer]
      .filter((part) => part !== '')
      .join('\n\n') + '\n'

  const more = options.moreUrl
    ? `Every step is in the ${link('job summary', options.moreUrl)}.`
    : undefined
  const candidates: (readonly [StepsLevel | 'none', string])[] = report
    ? STEPS_LEVELS.map(
        (level) =>
          [
            level,
            renderSteps(report, level, {
              more,
              maxResumeChars: options.maxResumeChars
            })
          ] as const
      )
    : [['none', '']]

  const share = options.limit * options.stepsShare
  const reserved =
    candidates.find(([, text]) => textSize(text) <= share) ??
    candidates[candidates.length - 1]
  const budget = options.limit - textSize(assemble(reserved[1], ''))
  const lineage = input.lineage
    ? renderLineageSummary(input.lineage, {
        diff: input.diff,
        baseRef: input.baseRef,
        budget: Math.max(0, budget),
        link: options.moreUrl,
        maxRows: options.maxLineageRows
      })
    : undefined
  const lineageText = lineage?.text ?? ''
  const [steps, stepsText] =
    candidates.find(
      ([, text]) => textSize(assemble(text, lineageText)) <= options.limit
    ) ?? reserved
  return {
    text: fitText(assemble(stepsText, lineageText), options.limit),
    steps,
    lineage: lineage?.level ?? 'none'
  }
}

/** `## ✅ `sales` on `test`: succeeded` */
function renderTitle(input: GitHubReportInput): string {
  const status =
    input.report?.status ??
    (hasErrors(input.diagnostics ?? []) ? 'invalid' : 'planned')
  return `## ${RUN_STATUS[status]} ${code(input.pipeline)} on ${code(input.profile)}: ${status}`
}

function renderSubtitle(input: GitHubReportInput): string {
  const { report } = input
  const items = [`head ${code(input.headSha.slice(0, 7))}`]
  const preview = input.preview ?? report?.preview
  if (preview) items.push(`preview ${code(preview)}`)
  if (report) {
    items.push(
      `${plural(report.steps.length, 'step')} in ${formatDuration(report.durationMs)}`
    )
    if (report.runUrl)
      items.push(
        link(
          report.engine === 'databricks' ? 'Databricks run' : 'run',
          report.runUrl
        )
      )
  }
  if (input.runUrl) items.push(link('workflow run', input.runUrl))
  return items.join(' · ')
}

function renderNotes(
  notes: readonly string[],
  maxSize: number
): string | undefined {
  if (notes.length === 0) return undefined
  const lines = ['### Notes', '']
  let size = textSize(lines.join('\n'))
  for (const [i, note] of notes.entries()) {
    const line = `- ${oneLine(note, NOTE_CHARS)}`
    if (size + textSize(line) + 40 > maxSize) {
      lines.push(`- and ${plural(notes.length - i, 'more note')}`)
      break
    }
    lines.push(line)
    size += textSize(line) + 1
  }
  return lines.join('\n')
}

function renderFooter(input: GitHubReportInput): string {
  const version = input.report ? `dtflw ${input.report.toolVersion}` : 'dtflw'
  const started = Date.parse(input.runStartedAt)
  const when = Number.isNaN(started)
    ? ''
    : `, workflow run started ${new Date(started).toISOString()}`
  return `<sub>${version} for ${code(input.headSha.slice(0, 7))}${when}.</sub>`
}

/**
 * A last guard that is never reached with GitHub's limits (the parts are
 * bounded well below them): cut at a code point rather than exceed.
 */
function fitText(text: string, limit: number): string {
  let end = Math.min(text.length, limit)
  // Each UTF-16 unit cut removes at least one unit and one byte.
  while (end > 0 && textSize(text.slice(0, end)) > limit)
    end -= textSize(text.slice(0, end)) - limit
  const c = text.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return text.slice(0, Math.max(0, end))
}
