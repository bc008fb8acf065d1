import { locationValue } from '../flow/index.js'
import type { StepStatus } from '../report/index.js'
import type { MarkdownOptions } from './markdown.js'
import { compareText } from './order.js'
import { codeCell, formatCount, formatDuration, safeUrl } from './text.js'
import type { Lineage, LineageStep, LineageTable } from './types.js'

/** A step's status as the comment, the summary and the tables show it. */
export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  lazy: '💤 lazy',
  cancelled: '⛔ cancelled',
  pending: '⏳ pending'
}

/**
 * The steps in manifest order (removed ones last), with status and duration
 * when the lineage comes from a run, and the change when there is a diff.
 */
export function renderStepTable(
  lineage: Lineage,
  options: MarkdownOptions,
  changes: ReadonlyMap<string, string>
): string {
  const { diff } = options
  const observed = lineage.run !== undefined
  const all: (LineageStep & { removed?: true })[] = [
    ...lineage.steps,
    ...(diff?.removedNodes.steps.map((s) => ({
      ...s,
      removed: true as const
    })) ?? [])
  ]
  const listed = all.filter((s) => !options.only || options.only.has(s.id))
  const columns: Column<LineageStep & { removed?: true }>[] = [
    ['step', (s) => codeCell(s.key)],
    ['notebook', (s) => codeCell(s.notebook)],
    ...(observed
      ? ([
          [
            'status',
            (s) =>
              s.status
                ? s.runUrl
                  ? `[${STEP_STATUS_LABELS[s.status]}](${safeUrl(s.runUrl)})`
                  : STEP_STATUS_LABELS[s.status]
                : ''
          ],
          [
            'duration',
            (s) =>
              s.durationMs !== undefined ? formatDuration(s.durationMs) : ''
          ]
        ] as Column<LineageStep>[])
      : []),
    ...(diff
      ? ([
          ['change', (s) => (s.removed ? 'removed' : (changes.get(s.id) ?? ''))]
        ] as Column<LineageStep & { removed?: true }>[])
      : [])
  ]
  return section('Steps', columns, listed, all.length, options)
}

/**
 * The tables in flow order with their resolved locations, rows when the
 * lineage comes from a run, and the change when there is a diff.
 */
export function renderTableTable(
  lineage: Lineage,
  options: MarkdownOptions,
  changes: ReadonlyMap<string, string>
): string {
  const { diff } = options
  // Flow order reads best: sources, then each step's outputs in step order.
  const stepIndex = new Map(
    [...lineage.steps, ...(diff?.removedNodes.steps ?? [])].map((s) => [
      s.key,
      s.index
    ])
  )
  const rank = (t: LineageTable) =>
    t.kind === 'source' ? -1 : (stepIndex.get(t.producer ?? '') ?? -1)
  const all: (LineageTable & { removed?: true })[] = [
    ...lineage.tables,
    ...(diff?.removedNodes.tables.map((t) => ({
      ...t,
      removed: true as const
    })) ?? [])
  ].sort((a, b) => rank(a) - rank(b) || compareText(a.key, b.key))
  const listed = all.filter((t) => !options.only || options.only.has(t.id))
  const columns: Column<LineageTable & { removed?: true }>[] = [
    ['table', (t) => codeCell(t.key)],
    [
      'location',
      (t) => (t.location ? codeCell(locationValue(t.location)) : '')
    ],
    ['written by', writer],
    ...(lineage.run
      ? ([
          ['rows', (t) => (t.rows !== undefined ? formatCount(t.rows) : '')]
        ] as Column<LineageTable>[])
      : []),
    ...(diff
      ? ([
          ['change', (t) => (t.removed ? 'removed' : (changes.get(t.id) ?? ''))]
        ] as Column<LineageTable & { removed?: true }>[])
      : [])
  ]
  return section('Tables', columns, listed, all.length, options)
}

type Column<T> = readonly [string, (row: T) => string]

function section<T>(
  title: string,
  columns: readonly Column<T>[],
  listed: readonly T[],
  total: number,
  options: MarkdownOptions
): string {
  const shown = listed.slice(0, options.maxRows ?? Infinity)
  const count =
    listed.length === total
      ? formatCount(total)
      : `${formatCount(listed.length)} of ${formatCount(total)}`
  const lines = [
    `#### ${title} (${count})`,
    '',
    `| ${columns.map(([name]) => name).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...shown.map(
      (row) => `| ${columns.map(([, cell]) => cell(row)).join(' | ')} |`
    )
  ]
  const more = listed.length - shown.length
  if (more > 0) {
    lines.push(
      '',
      `… and ${formatCount(more)} more` +
        (options.link
          ? ` in the [full lineage](${safeUrl(options.link)}).`
          : '.')
    )
  }
  return lines.join('\n')
}

function writer(t: LineageTable): string {
  switch (t.kind) {
    case 'source':
      return 'source'
    case 'deferred':
      return `deferred (${codeCell(t.producer ?? '')})`
    case 'undeclared':
      return `${codeCell(t.producer ?? '')}, undeclared`
    default:
      return codeCell(t.producer ?? '')
  }
}
