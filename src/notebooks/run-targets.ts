import path from 'node:path'
import type { Notebook } from './types.js'

/** One `%run` cell: the notebook it includes and the arguments it passes. */
export interface RunTarget {
  /** The path as written, without quotes (`./setup`, `/Shared/utils`). */
  readonly path: string
  /**
   * For a relative path, the included notebook's repository path (resolved
   * against this notebook's folder, still without extension); `undefined`
   * for an absolute workspace path, which only the workspace can resolve.
   */
  readonly resolved?: string
  /** `$key=value` arguments, unquoted, as written (`$a=$a` gives `$a`). */
  readonly args: Readonly<Record<string, string>>
  /** `Cell.index` of the `%run` cell. */
  readonly cell: number
  /** 1-based line of the `%run` command (an `.ipynb` gives the cell's line). */
  readonly line: number
}

/**
 * The notebooks this one includes with `%run`. Only `%run` cells count: a
 * `%run` shown in a markdown cell (inside a code fence, say) is text.
 */
export function findRunTargets(notebook: Notebook): RunTarget[] {
  const targets: RunTarget[] = []
  for (const cell of notebook.cells) {
    if (cell.kind !== 'run' || !cell.magicArgs) continue
    const parsed = parseRunArgs(cell.magicArgs)
    if (!parsed) continue
    const relative = !parsed.path.startsWith('/')
    targets.push({
      path: parsed.path,
      ...(relative
        ? { resolved: resolveAgainst(notebook.path, parsed.path) }
        : {}),
      args: parsed.args,
      cell: cell.index,
      line: cell.sourceLine ?? cell.line
    })
  }
  return targets
}

function resolveAgainst(notebookPath: string, target: string): string {
  const folder = path.posix.dirname(notebookPath.replaceAll('\\', '/'))
  return path.posix.normalize(path.posix.join(folder, target))
}

/**
 * `<path> [$key=value …] [// comment]`. The path may be quoted (it must be
 * when it holds spaces); a value may be double-quoted. Anything else after
 * the path is not an argument and is skipped.
 */
function parseRunArgs(
  text: string
): { path: string; args: Record<string, string> } | undefined {
  const first = readWord(text, 0)
  if (!first.word) return undefined
  const args: Record<string, string> = {}
  let i = first.end
  while (i < text.length) {
    while (/\s/.test(text[i] ?? '')) i++
    if (i >= text.length || text.startsWith('//', i) || text[i] === '#') break
    const key = /^\$([^\s=]+)=/.exec(text.slice(i))
    if (!key) {
      i = readWord(text, i).end
      continue
    }
    const value = readWord(text, i + key[0].length)
    args[key[1]] = value.word
    i = value.end
  }
  return { path: first.word, args }
}

/** A quoted or bare word from `start`; quotes are removed. */
function readWord(text: string, start: number): { word: string; end: number } {
  let i = start
  while (/\s/.test(text[i] ?? '')) i++
  const quote = text[i]
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, i + 1)
    const end = close === -1 ? text.length : close
    return { word: text.slice(i + 1, end), end: end + 1 }
  }
  let end = i
  while (end < text.length && !/\s/.test(text[end])) end++
  return { word: text.slice(i, end), end }
}
