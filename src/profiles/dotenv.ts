import path from 'node:path'
import { errorAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { readTextFile, UnreadableFileError } from '../io/index.js'

/** The variables of a `.env` file and the lines it could not read. */
export interface Dotenv {
  readonly values: Readonly<Record<string, string>>
  readonly diagnostics: readonly Diagnostic[]
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' }

/**
 * Reads `.env` text: `KEY=VALUE` lines, an optional `export ` prefix, `#`
 * comments (after an unquoted value only when preceded by a space),
 * `"double"` quotes with `\n`, `\t`, `\"` and `\\` escapes, `'single'`
 * quotes taken literally; quoted values may span lines. Values are never
 * expanded: `${…}` belongs to profiles. A later line wins over an earlier
 * one. Messages never echo a line, since it may hold a secret.
 */
export function parseDotenv(text: string, file = '.env'): Dotenv {
  const values = new Map<string, string>()
  const diagnostics: Diagnostic[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '' || line.startsWith('#')) continue
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!m) {
      diagnostics.push(
        errorAt(
          'dotenv-syntax',
          `${file} line ${i + 1} is not KEY=VALUE; fix or remove it (a comment starts with #)`,
          { file, line: i + 1, column: 1 }
        )
      )
      continue
    }
    const [, key, rest] = m
    const quote = rest[0]
    if (quote !== '"' && quote !== "'") {
      values.set(key, rest.replace(/\s+#.*$/, '').trim())
      continue
    }
    const start = i
    let body = rest.slice(1)
    let close = closingQuote(body, quote)
    while (close < 0 && i + 1 < lines.length) {
      i++
      body += '\n' + lines[i]
      close = closingQuote(body, quote)
    }
    const after = close < 0 ? '' : body.slice(close + 1).trim()
    if (close < 0 || (after !== '' && !after.startsWith('#'))) {
      diagnostics.push(
        errorAt(
          'dotenv-syntax',
          close < 0
            ? `${file} line ${start + 1}: the value of ${key} opens ${quote} and never closes it`
            : `${file} line ${start + 1}: unexpected text after the closing ${quote} of ${key}`,
          { file, line: start + 1, column: 1 }
        )
      )
      continue
    }
    const raw = body.slice(0, close)
    values.set(key, quote === "'" ? raw : unescape(raw))
  }
  return { values: Object.fromEntries(values), diagnostics }
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++
    else if (body[i] === quote) return i
  }
  return -1
}

function unescape(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c)
}

/** Reads `<root>/.env`; no file means no variables. */
export async function loadDotenv(root: string): Promise<Dotenv> {
  let text: string
  try {
    text = await readTextFile(path.join(root, '.env'), '.env')
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    if (error.problem.code === 'missing') return { values: {}, diagnostics: [] }
    // A folder or a pipe named .env, or a file that is not UTF-8: say so
    // (the reader's message names the file and never shows its content).
    return { values: {}, diagnostics: error.diagnostics }
  }
  return parseDotenv(text, '.env')
}
