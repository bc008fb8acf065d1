import { tokenizeSql } from '../../../notebooks/index.js'
import type { Cell, Notebook } from '../../../notebooks/index.js'

/** The file line of a line of a cell's source. */
export function fileLine(cell: Cell, sourceLine: number): number {
  return (cell.sourceLine ?? cell.line) + sourceLine - 1
}

/**
 * Where a line of a notebook is, as a person finds it: `file:line` in a
 * source-format notebook, which editors open at the line; the cell and its
 * line in an `.ipynb`, whose file lines are JSON, not the code.
 */
export function notebookPlace(
  notebook: Notebook,
  cell: Cell,
  sourceLine: number
): string {
  return notebook.format === 'ipynb'
    ? `${notebook.path} (cell ${cell.index + 1}, line ${sourceLine})`
    : `${notebook.path}:${fileLine(cell, sourceLine)}`
}

/**
 * What DuckDB says before its `LINE n:` excerpt, on one line: the error
 * and its hints (`Candidate bindings: …`, `Did you mean "…"?`), which the
 * first line alone would lose.
 */
export function duckdbSummary(message: string): string {
  const lines: string[] = []
  for (const line of message.split('\n')) {
    if (line.trim() === '' || /^LINE \d+:/.test(line)) break
    lines.push(line.trim())
  }
  return lines.join(' ') || message.split('\n')[0]
}

/**
 * The line of `written` (the statement as the notebook has it) that
 * DuckDB's `LINE n:` points at in `executed` (what ran: the same
 * statement bound, perhaps rewritten), 0-based; 0 when it cannot tell.
 * Lines are matched by their text, so a rewrite that drops or adds lines
 * before the error does not move it.
 */
export function errorLineIn(
  message: string,
  executed: string,
  written: string
): number {
  const at = /^LINE (\d+):/m.exec(message)
  if (!at) return 0
  const n = Number(at[1]) - 1
  const target = executed.split('\n')[n]?.trim()
  const lines = written.split('\n')
  if (target === undefined) return 0
  if (executed === written) return Math.min(n, lines.length - 1)
  let matches = lines
    .map((line, i) => (line.trim() === target ? i : -1))
    .filter((i) => i >= 0)
  // A rewrite may have joined its own text to the line (`COPY (SELECT …`).
  if (matches.length === 0)
    matches = lines
      .map((line, i) =>
        line.trim() !== '' && target.includes(line.trim()) ? i : -1
      )
      .filter((i) => i >= 0)
  if (matches.length === 0) return 0
  // Of several equal lines, the one nearest where DuckDB counted.
  return matches.reduce((best, i) =>
    Math.abs(i - n) < Math.abs(best - n) ? i : best
  )
}

/** Lines of a statement's text before its first word (comments, blanks). */
export function linesBeforeCode(text: string): number {
  const first = tokenizeSql(text).find(
    (t) => t.kind !== 'space' && t.kind !== 'comment'
  )
  return first ? first.line - 1 : 0
}
