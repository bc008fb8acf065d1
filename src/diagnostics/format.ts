import type { Diagnostic } from './diagnostic.js'
import { escapeControls } from './escape.js'
import { formatLocation } from './location.js'

/**
 * One diagnostic for the terminal: `file:line:col: error: summary`, its
 * detail indented below. What it quotes shows no control character: the
 * summary is one line, each line of the detail one line.
 */
export function formatText(d: Diagnostic): string {
  const where = d.location ? `${formatLocation(d.location)}: ` : ''
  const head = `${where}${d.severity}: ${escapeControls(d.summary)}`
  if (!d.detail) return head
  const detail = d.detail
    .split('\n')
    .map((line) => `  ${escapeControls(line)}`)
    .join('\n')
  return `${head}\n${detail}`
}

/** The shape `--json` prints: plain data, stable keys. */
export function toJson(d: Diagnostic): Record<string, unknown> {
  return {
    severity: d.severity,
    code: d.code,
    summary: d.summary,
    ...(d.detail ? { detail: d.detail } : {}),
    ...(d.location ? { location: { ...d.location } } : {}),
    ...(d.path ? { path: d.path } : {})
  }
}

/** Properties for `core.error(message, properties)` in the Action. */
export interface AnnotationProperties {
  readonly title?: string
  readonly file?: string
  readonly startLine?: number
  readonly startColumn?: number
}

/** Splits a diagnostic into the message and properties of an annotation. */
export function toAnnotation(d: Diagnostic): {
  message: string
  properties: AnnotationProperties
} {
  return {
    message: d.detail ? `${d.summary}\n${d.detail}` : d.summary,
    properties: {
      title: `dtflw ${d.code}`,
      ...(d.location
        ? {
            file: d.location.file,
            startLine: d.location.line,
            startColumn: d.location.column
          }
        : {})
    }
  }
}
