import { closingParen, lineOf, maskCell } from './code-scan.js'
import type { Notebook } from './types.js'

/** One `dbutils.notebook.exit(…)` call in a Python, Scala or R cell. */
export interface ExitCall {
  /** `Cell.index` of the cell that calls it. */
  readonly cell: number
  /** 1-based file line (source format); the cell's line in an `.ipynb`. */
  readonly line: number
  /** The argument as written: `"done"`, `json.dumps(result)`. */
  readonly argument: string
  /** The value, when the argument is one plain string literal. */
  readonly value?: string
}

/**
 * Every `dbutils.notebook.exit` call, in file order. Calls in comments and
 * strings do not count; a call in a guard or a function does, since the
 * value reported at run time can come from any of them.
 */
export function findExitCalls(notebook: Notebook): ExitCall[] {
  const calls: ExitCall[] = []
  for (const cell of notebook.cells) {
    if (cell.kind === 'sql') continue
    const masked = maskCell(cell.kind, cell.source)
    if (!masked) continue
    const pattern = /\bdbutils\s*\.\s*notebook\s*\.\s*exit\s*\(/g
    for (const m of masked.bare.matchAll(pattern)) {
      const open = m.index + m[0].length - 1
      const argument = cell.source.slice(open + 1, closingParen(masked, open))
      const value = /^(['"])([^'"\\\n]*)\1$/.exec(argument.trim())?.[2]
      calls.push({
        cell: cell.index,
        line:
          cell.sourceLine === undefined
            ? cell.line
            : cell.sourceLine + lineOf(cell.source, m.index),
        argument: argument.trim(),
        ...(value === undefined ? {} : { value })
      })
    }
  }
  return calls
}

/** True when some cell calls `dbutils.notebook.exit`. */
export function hasExit(notebook: Notebook): boolean {
  return findExitCalls(notebook).length > 0
}
