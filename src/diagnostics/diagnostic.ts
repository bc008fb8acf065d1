import type { Location } from './location.js'

/** How bad a problem is: an error stops the command, a warning does not. */
export type Severity = 'error' | 'warning'

/**
 * One problem found in the user's input. Validation collects all of them
 * before it stops, so a user fixes a manifest in one pass, not one per run.
 */
export interface Diagnostic {
  readonly severity: Severity
  /** Stable, kebab-case name of the broken rule, e.g. `unknown-input`. */
  readonly code: string
  /** One sentence: what is wrong and what to do. */
  readonly summary: string
  /** Extra lines shown under the summary (lists, suggestions). */
  readonly detail?: string
  readonly location?: Location
  /** Where in the document, e.g. `flow[2].outputs[0]`. */
  readonly path?: string
}

/** Builds an error diagnostic. */
export function errorAt(
  code: string,
  summary: string,
  location?: Location,
  extra: { detail?: string; path?: string } = {}
): Diagnostic {
  return { severity: 'error', code, summary, location, ...extra }
}

/** Builds a warning diagnostic. */
export function warningAt(
  code: string,
  summary: string,
  location?: Location,
  extra: { detail?: string; path?: string } = {}
): Diagnostic {
  return { severity: 'warning', code, summary, location, ...extra }
}

/** True when at least one diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Orders diagnostics by file, line and column so output is stable. */
export function sortDiagnostics(
  diagnostics: readonly Diagnostic[]
): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? ''
    const fb = b.location?.file ?? ''
    if (fa !== fb) return fa < fb ? -1 : 1
    const la = a.location?.line ?? 0
    const lb = b.location?.line ?? 0
    if (la !== lb) return la - lb
    return (a.location?.column ?? 0) - (b.location?.column ?? 0)
  })
}

/**
 * The diagnostics without repeats, first occurrence kept. Two diagnostics are
 * the same when code, summary, detail and location agree: profiles that
 * extend one parent each report the parent's problem, and a user should read
 * it once.
 */
export function dedupeDiagnostics(
  diagnostics: readonly Diagnostic[]
): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const where = d.location
      ? `${d.location.file}\u0000${d.location.line}\u0000${d.location.column}`
      : ''
    const id = `${d.code}\u0000${d.summary}\u0000${d.detail ?? ''}\u0000${where}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}
