import { escapeText } from './escape.js'

/** What masked text shows instead of a secret. */
const MASK = '***'

/** Values shorter than this are not masked: they would blank out common text. */
const MIN_SECRET_LENGTH = 4

/** A JSON string literal, escapes included. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g

/**
 * Replaces known secret values in text, as GitHub masks registered secrets
 * in logs. Every output dtflw writes (terminal, `--json`, reports, event
 * logs, lineage) goes through one, so a secret that reaches a notebook
 * parameter or an error message never reaches a person or a file.
 */
export interface Masker {
  add(value: string): void
  mask(text: string): string
  /**
   * JSON text with secrets masked inside its strings only, so a secret
   * that reads `true` or `2024` never breaks the document.
   */
  maskJson(text: string): string
  /** True when any secret is known (lets callers skip the work). */
  readonly active: boolean
}

/**
 * The spellings of a secret that output may hold: as it is, as JSON
 * escapes it, as `escapeText` shows it, and each of its lines (a log is
 * written line by line).
 */
function spellings(value: string): string[] {
  const lines = value.includes('\n') || value.includes('\r')
  const out = [
    value,
    JSON.stringify(value).slice(1, -1),
    escapeText(value),
    ...(lines ? value.split(/\r\n|\r|\n/) : [])
  ]
  return out.filter((s) => s.length >= MIN_SECRET_LENGTH)
}

/** A masker knowing `values` (more may be added later). */
export function createMasker(values: Iterable<string> = []): Masker {
  const secrets = new Set<string>()
  let ordered: string[] = []
  const add = (value: string): void => {
    if (value.length < MIN_SECRET_LENGTH) return
    const before = secrets.size
    for (const s of spellings(value)) secrets.add(s)
    if (secrets.size !== before) {
      // Longest first, so a secret containing another is masked whole.
      ordered = [...secrets].sort((a, b) => b.length - a.length)
    }
  }
  const mask = (text: string): string => {
    let out = text
    for (const secret of ordered) {
      if (out.includes(secret)) out = out.split(secret).join(MASK)
    }
    return out
  }
  for (const value of values) add(value)
  return {
    add,
    mask,
    maskJson(text) {
      if (ordered.length === 0) return text
      // Masked as the value the string holds, then written again: masking
      // the escaped spelling could cut an escape in two.
      return text.replace(JSON_STRING, (literal) => {
        const value = JSON.parse(literal) as string
        const masked = mask(value)
        return masked === value ? literal : JSON.stringify(masked)
      })
    },
    get active() {
      return secrets.size > 0
    }
  }
}
