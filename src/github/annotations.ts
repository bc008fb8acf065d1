import { formatLocation, toAnnotation } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { ANNOTATIONS_PER_LEVEL } from './limits.js'
import { plural } from './markdown.js'

/** The level of an annotation: `core.error`, `core.warning` or `core.notice`. */
export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** One annotation for the Action to apply with `core[level](message, properties)`. */
export interface Annotation {
  readonly level: AnnotationLevel
  readonly message: string
  readonly title: string
  /** Repository-relative; absent for a problem without a place (shown on the run). */
  readonly file?: string
  readonly startLine?: number
  readonly startColumn?: number
}

/** The annotations to apply, and one notice summarising those GitHub would drop. */
export interface AnnotationPlan {
  readonly annotations: readonly Annotation[]
  readonly overflow?: Annotation
}

const NAMED = 5

/**
 * Annotations for diagnostics. GitHub shows 10 of each level per step and
 * silently drops the rest, so this keeps the first 10 errors and 10
 * warnings (those with a place first, by file, line and column) and counts
 * the others in one notice, which has a quota of its own and so is always
 * shown. Pure.
 */
export function planAnnotations(
  diagnostics: readonly Diagnostic[]
): AnnotationPlan {
  const ordered = [...diagnostics].sort(compareDiagnostics)
  const annotations: Annotation[] = []
  const dropped: Diagnostic[] = []
  const kept = { error: 0, warning: 0 }
  for (const d of ordered) {
    if (kept[d.severity] < ANNOTATIONS_PER_LEVEL) {
      kept[d.severity]++
      annotations.push(annotationOf(d))
    } else {
      dropped.push(d)
    }
  }
  if (dropped.length === 0) return { annotations }
  return { annotations, overflow: overflowNotice(dropped) }
}

function annotationOf(d: Diagnostic): Annotation {
  const { message, properties } = toAnnotation(d)
  return {
    level: d.severity,
    message,
    title: properties.title ?? 'dtflw',
    ...(properties.file !== undefined && { file: properties.file }),
    ...(properties.startLine !== undefined && {
      startLine: properties.startLine
    }),
    ...(properties.startColumn !== undefined && {
      startColumn: properties.startColumn
    })
  }
}

function overflowNotice(dropped: readonly Diagnostic[]): Annotation {
  const errors = dropped.filter((d) => d.severity === 'error').length
  const warnings = dropped.length - errors
  const counts = [
    ...(errors > 0 ? [plural(errors, 'more error')] : []),
    ...(warnings > 0 ? [plural(warnings, 'more warning')] : [])
  ].join(' and ')
  const places = dropped
    .slice(0, NAMED)
    .map((d) => (d.location ? formatLocation(d.location) : d.code))
  const rest = dropped.length - places.length
  return {
    level: 'notice',
    title: 'dtflw: more problems than GitHub shows',
    message:
      `${counts} ${dropped.length === 1 ? 'is' : 'are'} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each per step): ` +
      `${places.join(', ')}${rest > 0 ? `, …` : ''}. ` +
      'Run `dtflw validate` to see every problem.'
  }
}

// Located first (by file, line, column), then the rest in their given order.
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (!a.location || !b.location) return a.location ? -1 : b.location ? 1 : 0
  const fa = a.location.file
  const fb = b.location.file
  if (fa !== fb) return fa < fb ? -1 : 1
  return (
    a.location.line - b.location.line || a.location.column - b.location.column
  )
}
