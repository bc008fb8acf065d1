/** What masked text shows instead of a secret. */
export const MASK = '***'

/** Values shorter than this are not masked: they would blank out common text. */
const MIN_SECRET_LENGTH = 4

/**
 * Replaces known secret values in text, as GitHub masks registered secrets
 * in logs. Every output dtflw writes (terminal, `--json`, reports, event
 * logs, lineage) goes through one, so a secret that reaches a notebook
 * parameter or an error message never reaches a person or a file.
 */
export interface Masker {
  add(value: string): void
  mask(text: string): string
  /** True when any secret is known (lets callers skip the work). */
  readonly active: boolean
}

/** A masker knowing `values` (more may be added later). */
export function createMasker(values: Iterable<string> = []): Masker {
  const secrets = new Set<string>()
  let ordered: string[] = []
  const add = (value: string): void => {
    if (value.length < MIN_SECRET_LENGTH) return
    // JSON output escapes quotes and backslashes: mask that spelling too.
    const escaped = JSON.stringify(value).slice(1, -1)
    const before = secrets.size
    secrets.add(value)
    secrets.add(escaped)
    if (secrets.size !== before) {
      // Longest first, so a secret containing another is masked whole.
      ordered = [...secrets].sort((a, b) => b.length - a.length)
    }
  }
  for (const value of values) add(value)
  return {
    add,
    mask(text) {
      let out = text
      for (const secret of ordered) {
        if (out.includes(secret)) out = out.split(secret).join(MASK)
      }
      return out
    },
    get active() {
      return secrets.size > 0
    }
  }
}
