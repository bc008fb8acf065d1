import path from 'node:path'
import { toPosixRelative } from '../../../io/index.js'
import type { StepError } from '../../../report/index.js'
import type { FileChange, WatchPlace } from './file-states.js'
import { isGlob } from '../tables/index.js'

/** A change the run guard found, and whether it put the file back. */
export interface SeenChange {
  readonly change: FileChange
  readonly place?: WatchPlace
  readonly restored: boolean
}

/** What a step declared, as messages need it. */
export interface StepWrites {
  /** Its outputs' published locations. */
  readonly writes: readonly string[]
  /** The parameters its outputs are written through. */
  readonly outputParams: readonly string[]
}

/**
 * `table "t" (path)`, `tables "a", "b" (p, q)`, `source "raw" (path)`, and
 * for other files of the table root the file itself.
 */
export function renderChanged(
  root: string,
  seen: readonly SeenChange[]
): { list: string; many: boolean } {
  const byPlace = new Map<string, string[]>()
  const files: string[] = []
  for (const s of seen) {
    const file = toPosixRelative(root, s.change.file)
    if (!s.place) {
      files.push(
        s.change.how === 'added'
          ? `a new file ${file} in the table root`
          : `${file} in the table root`
      )
      continue
    }
    // A glob's or a folder's new file is shown itself.
    const shown =
      s.change.how === 'added' || isGlob(s.place.path)
        ? file
        : toPosixRelative(root, s.place.path)
    const list = byPlace.get(s.place.name) ?? []
    if (!list.includes(shown)) list.push(shown)
    byPlace.set(s.place.name, list)
  }
  const parts: string[] = []
  const named = [...byPlace.keys()]
  if (named.length > 0) {
    const kinds = new Set(named.map((n) => n.split(' ')[0]))
    const label =
      named.length === 1
        ? named[0]
        : kinds.size === 1
          ? `${[...kinds][0]}s ${named.map((n) => n.slice(n.indexOf(' ') + 1)).join(', ')}`
          : named.join(', ')
    parts.push(`${label} (${[...byPlace.values()].flat().join(', ')})`)
  }
  parts.push(...files)
  return { list: parts.join(', '), many: named.length + files.length > 1 }
}

function suspectsOf(key: string, suspects: readonly string[]): string {
  const rest = suspects.filter((k) => k !== key)
  return rest.length > 0
    ? ` (steps ${rest.map((k) => `"${k}"`).join(', ')} ran at the same time; any of them may have written it)`
    : ''
}

/** The logical name of the first table or source that changed. */
function firstTable(seen: readonly SeenChange[]): { table?: string } {
  const name = seen.find((s) => s.place)?.place?.name
  const table = name?.replace(/^\w+ "(.*)"$/, '$1')
  return table ? { table } : {}
}

/** Why a step the engine does not hold fails: what changed while it ran. */
export function describeUndeclaredWrite(
  root: string,
  seen: readonly SeenChange[],
  key: string,
  step: StepWrites | undefined,
  suspects: readonly string[]
): StepError {
  const { list, many } = renderChanged(root, seen)
  const others = suspectsOf(key, suspects)
  const own = seen.some((s) =>
    (step?.writes ?? []).some(
      (w) => s.change.file === w || s.change.file.startsWith(w + path.sep)
    )
  )
  const sources = seen.every((s) => s.place?.kind === 'source')
  const message = own
    ? `${list} changed while step "${key}" ran${others}: a step writes its outputs only where its output parameters point (${(step?.outputParams ?? []).join(', ')}), and a published table changes only once the step has succeeded (sandbox: strict makes such writes fail).`
    : sources
      ? `${list} changed while step "${key}" ran${others}: sources are read-only; stop writing there (sandbox: strict makes such writes fail).`
      : `${list} changed while step "${key}" ran, and it does not declare ${many ? 'them' : 'it'} as ${many ? 'outputs' : 'an output'}${others}: declare the output in dtflw.yaml, or stop writing there (sandbox: strict makes such writes fail).`
  return { kind: 'undeclared-write', ...firstTable(seen), message }
}

/** Why a held step fails when something no step of the run can write changed. */
export function describeOutsideWrite(
  root: string,
  seen: readonly SeenChange[],
  key: string
): StepError {
  const { list, many } = renderChanged(root, seen)
  return {
    kind: 'undeclared-write',
    ...firstTable(seen),
    message: `${list} changed while step "${key}" ran, and no step of this run could write ${many ? 'them' : 'it'}: another process did; make sure nothing else writes the tables and sources while dtflw runs.`
  }
}

/** Why a step fails whose input changed under it. */
export function describeInputChanged(
  root: string,
  seen: readonly SeenChange[],
  key: string
): StepError {
  const { list } = renderChanged(root, seen)
  return {
    kind: 'undeclared-write',
    ...firstTable(seen),
    message: `${list} changed while step "${key}" read it, so its result cannot be trusted: another step wrote where it should not; run again once that is fixed.`
  }
}

/** A line for the step log: what became of a changed file. */
export function renderRestore(root: string, seen: SeenChange): string {
  const where = toPosixRelative(root, seen.change.file)
  if (!seen.restored)
    return `${where} changed and could not be put back: no copy of it was kept`
  return seen.change.how === 'added'
    ? `moved ${where}, which no step may write, into the run folder (changed/)`
    : `put ${where} back as it was before the step (the changed file is in the run folder, changed/)`
}
