/** A position in a user's file; lines and columns count from 1. */
export interface Location {
  readonly file: string
  readonly line: number
  readonly column: number
}

/** `file:line:column`, the form editors and GitHub annotations understand. */
export function formatLocation(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`
}

/** `file:line`, for naming a place inside a longer sentence. */
export function formatLine(location: Location): string {
  return `${location.file}:${location.line}`
}
