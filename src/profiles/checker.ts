import { errorAt } from '../diagnostics/index.js'
import type { Diagnostic, Location } from '../diagnostics/index.js'
import type { MapNode, PathSegment, ProfileNode } from './node.js'
import { formatPath, keyLocationAt, locationAt, nodeAt } from './node.js'
import { secretDescription } from './schema.js'
import type { ProvenancedValue } from './types.js'
import { NO_ENV } from './leaves.js'

/** Where a default was written: nowhere (one frozen list for all). */
const NOWHERE: readonly Location[] = Object.freeze([])

/** Reads a merged tree and collects what is wrong with it and what was defaulted. */
export interface Checker {
  readonly profile: string
  readonly diagnostics: Diagnostic[]
  readonly defaults: ProvenancedValue[]
  node(at: readonly PathSegment[]): ProfileNode | undefined
  has(at: readonly PathSegment[]): boolean
  /** A scalar as text; undefined for null, maps and lists. */
  text(at: readonly PathSegment[]): string | undefined
  /** A `${…}` left as written: its real value is unknown, so not judged. */
  unresolved(at: readonly PathSegment[]): boolean
  /** The value at `at` for a message: quoted, or described when secret. */
  shown(at: readonly PathSegment[]): string
  /** Reports at the value, or at the key of a section. */
  report(code: string, summary: string, at: readonly PathSegment[]): void
  /** Reports at the key: for messages that say "remove it". */
  reportKey(code: string, summary: string, at: readonly PathSegment[]): void
  /** Records a value no file wrote, so `explain` can show it. */
  byDefault(at: readonly PathSegment[], value: string, origin?: string): void
}

/**
 * A checker over one merged, interpolated profile tree. `files` are the
 * profile's files in merge order: a problem with no value to point at (no
 * `tables` at all) is reported at the profile's own file.
 */
export function createChecker(input: {
  readonly name: string
  readonly files: readonly string[]
  readonly tree: MapNode
}): Checker {
  const { tree } = input
  const diagnostics: Diagnostic[] = []
  const defaults: ProvenancedValue[] = []
  // A profile with no `tables` at all is reported at its own file.
  const fallback: Location = {
    file: input.files.at(-1) ?? '',
    line: 1,
    column: 1
  }
  const node = (at: readonly PathSegment[]) => nodeAt(tree, at)
  const push = (
    code: string,
    summary: string,
    at: readonly PathSegment[],
    location?: Location
  ) =>
    diagnostics.push(
      errorAt(code, summary, location ?? fallback, {
        path: formatPath(at) || undefined
      })
    )
  return {
    profile: input.name,
    diagnostics,
    defaults,
    node,
    has: (at) => node(at) !== undefined,
    text: (at) => {
      const n = node(at)
      return n?.kind === 'scalar' && n.value !== null
        ? String(n.value)
        : undefined
    },
    unresolved: (at) => {
      const n = node(at)
      return n?.kind === 'scalar' && n.unresolved === true
    },
    shown: (at) => {
      const n = node(at)
      if (!n) return 'nothing'
      const secret = secretDescription(n)
      if (secret) return secret
      return n.kind === 'scalar' ? JSON.stringify(n.value) : 'a mapping or list'
    },
    report: (code, summary, at) =>
      push(code, summary, at, locationAt(tree, at)),
    reportKey: (code, summary, at) =>
      push(code, summary, at, keyLocationAt(tree, at) ?? locationAt(tree, at)),
    byDefault: (at, value, origin = 'default') =>
      defaults.push(
        Object.freeze({
          path: formatPath(at),
          value,
          from: NOWHERE,
          env: NO_ENV,
          secret: false,
          origin
        })
      )
  }
}
