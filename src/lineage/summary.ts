import { focusOf, MERMAID_MAX_CHARS, renderMermaid } from './mermaid.js'
import type { MermaidLevel } from './mermaid.js'
import { renderCounts, renderMarkdown } from './markdown.js'
import { code, fitsBudget, formatCount, safeUrl, utf8Length } from './text.js'
import type { Lineage, LineageDiff } from './types.js'

/** GitHub refuses a comment longer than this (HTTP 422). */
export const COMMENT_MAX_CHARS = 65_536

/**
 * How much a summary shows, from most to least:
 * - `full`: the whole graph and every step and table;
 * - `changed`: the graph of the changed nodes with as much of their
 *   neighbourhood and impact as fits the budget left by the rest, and table
 *   rows for the changed and impacted nodes only (at most `maxRows`);
 * - `table`: no graph, table rows only (the changed and impacted ones when
 *   there is a diff), at most `maxRows` per table, else at most 10;
 * - `counts`: one line of counts and the link.
 */
export type SummaryLevel = 'full' | 'changed' | 'table' | 'counts'

/** Options of `renderLineageSummary`. */
export interface SummaryOptions {
  readonly diff?: LineageDiff
  readonly baseRef?: string
  /**
   * Characters left for the summary in the comment; the text fits it counted
   * both in UTF-16 units and in UTF-8 bytes. Pass what the rest of the
   * comment leaves of `COMMENT_MAX_CHARS`.
   */
  readonly budget?: number
  /** The full lineage (job summary or artifact), linked when anything is left out. */
  readonly link?: string
  readonly maxMermaidChars?: number
  readonly maxMermaidEdges?: number
  /** Rows per table at the reduced levels. */
  readonly maxRows?: number
  /** Start at this level instead of `full` (used by the bench and tests). */
  readonly level?: SummaryLevel
}

/** A summary and how it was made to fit. */
export interface SummaryResult {
  readonly text: string
  readonly level: SummaryLevel
  readonly mermaid: MermaidLevel
  readonly chars: number
  readonly bytes: number
}

const FEW_ROWS = 10

const LEVELS: readonly SummaryLevel[] = ['full', 'changed', 'table', 'counts']

/**
 * The lineage summary of a pull-request comment, degraded level by level
 * until it fits the budget; the Mermaid part also stays within Mermaid's
 * limits. The result never exceeds the budget.
 */
export function renderLineageSummary(
  lineage: Lineage,
  options: SummaryOptions = {}
): SummaryResult {
  const budget = options.budget ?? COMMENT_MAX_CHARS
  const { diff, baseRef, link } = options
  const maxRows = options.maxRows ?? 100
  const mermaidLimits = {
    diff,
    maxChars: options.maxMermaidChars,
    maxEdges: options.maxMermaidEdges
  }
  const focus = focusOf(lineage, diff).wide
  const linkNote = link ? ` [Full lineage](${safeUrl(link)}).` : ''
  const start = LEVELS.indexOf(options.level ?? 'full')

  for (const level of LEVELS.slice(start)) {
    let text: string | undefined
    let mermaid: MermaidLevel = 'none'
    if (level === 'full') {
      const graph = renderMermaid(lineage, { ...mermaidLimits, level: 'full' })
      if (graph.level !== 'full') continue
      mermaid = 'full'
      text = renderMarkdown(lineage, {
        diff,
        baseRef,
        mermaid: graph.text,
        link
      })
    } else if (level === 'changed') {
      const page = (graphText: string, shown: number, total: number) =>
        renderMarkdown(lineage, {
          diff,
          baseRef,
          mermaid: graphText,
          only: focus,
          maxRows,
          link,
          note:
            `The graph shows ${formatCount(shown)} of ${formatCount(total)} nodes: ` +
            `what changed and as much of its neighbourhood and impact as fits.${linkNote}`
        })
      // The graph gets what the rest of the page leaves of the budget, so a
      // smaller graph is tried before the page gives up on graphs at all.
      const rest = page('x', 10 ** 9, 10 ** 9)
      const left = budget - Math.max(rest.length, utf8Length(rest))
      const graph = renderMermaid(lineage, {
        ...mermaidLimits,
        maxChars: Math.min(mermaidLimits.maxChars ?? MERMAID_MAX_CHARS, left),
        level: 'changed'
      })
      if (graph.level !== 'changed') continue
      mermaid = 'changed'
      text = page(graph.text, graph.nodes, graph.totalNodes)
    } else if (level === 'table') {
      const only = focus.size > 0 ? focus : undefined
      const page = (rows: number) =>
        renderMarkdown(lineage, {
          diff,
          baseRef,
          mermaid: false,
          only,
          maxRows: rows,
          link,
          note: `The graph is too large for a comment.${linkNote}`
        })
      // Fewer rows before no rows: a short table still names what changed.
      text = page(maxRows)
      if (!fitsBudget(text, budget) && maxRows > FEW_ROWS) text = page(FEW_ROWS)
    } else {
      text = renderCountsOnly(lineage, diff, link)
    }
    if (fitsBudget(text, budget)) {
      return {
        text,
        level,
        mermaid,
        chars: text.length,
        bytes: utf8Length(text)
      }
    }
  }
  const text = truncateToBudget(renderCountsOnly(lineage, diff, link), budget)
  return {
    text,
    level: 'counts',
    mermaid: 'none',
    chars: text.length,
    bytes: utf8Length(text)
  }
}

function renderCountsOnly(
  lineage: Lineage,
  diff?: LineageDiff,
  link?: string
): string {
  return (
    [
      `### Lineage of ${code(lineage.pipeline)} on ${code(lineage.profile)}`,
      renderCounts(lineage, diff),
      `The lineage is too large for a comment.${link ? ` [Full lineage](${safeUrl(link)}).` : ''}`
    ].join('\n\n') + '\n'
  )
}

/**
 * The longest prefix within the budget, cut at a code point so a multibyte
 * character is never split. Only reached with a budget too small for counts.
 */
function truncateToBudget(text: string, budget: number): string {
  let end = Math.min(text.length, Math.max(0, budget))
  while (end > 0 && !fitsBudget(text.slice(0, end), budget)) end--
  const code = text.charCodeAt(end - 1)
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end--
  return text.slice(0, end)
}
