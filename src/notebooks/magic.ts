import type { CellKind } from './types.js'

/** Magic commands Databricks knows, and the kind of cell each one opens. */
const KIND_BY_MAGIC: Readonly<Record<string, CellKind>> = {
  '%sql': 'sql',
  '%python': 'python',
  '%py': 'python',
  '%scala': 'scala',
  '%r': 'r',
  '%md': 'markdown',
  '%md-sandbox': 'markdown',
  '%run': 'run',
  '%sh': 'shell',
  '%fs': 'fs',
  '%pip': 'pip'
}

/** The kind of cell a magic command opens; unknown ones are `other`. */
export function kindOfMagic(magic: string): CellKind {
  return Object.hasOwn(KIND_BY_MAGIC, magic) ? KIND_BY_MAGIC[magic] : 'other'
}

/** A cell's lines split into its magic command and its body. */
export interface MagicSplit {
  readonly magic?: string
  readonly magicArgs?: string
  readonly body: readonly string[]
  /** Index in the input lines of `body[0]`. */
  readonly bodyStart: number
}

/**
 * The magic is the first token of the first non-empty line, when that token
 * starts with `%`; empty lines before it are dropped (old exports put one
 * before `%md-sandbox`). Text after the token on the same line stays in the
 * body, less the one separating space, since `%sql SELECT 1` and
 * `%md ## Title` hold real content. Only this line decides the kind: a later
 * magic (`%restart_python` after `%pip`) stays in the body.
 */
export function splitMagic(lines: readonly string[]): MagicSplit {
  const at = lines.findIndex((line) => line.trim() !== '')
  const line = at === -1 ? '' : lines[at].trimStart()
  const token = /^%\S+/.exec(line)?.[0]
  if (!token) return { body: lines, bodyStart: 0 }
  const rest = line.slice(token.length + 1)
  const magicArgs = rest.trim() || undefined
  return magicArgs
    ? {
        magic: token,
        magicArgs,
        body: [rest, ...lines.slice(at + 1)],
        bodyStart: at
      }
    : { magic: token, body: lines.slice(at + 1), bodyStart: at + 1 }
}
