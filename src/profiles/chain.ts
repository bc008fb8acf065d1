import { didYouMean, errorAt, formatLine } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { ExtendsRef, ProfileFile } from './parse.js'

/** How long an `extends` chain may be; the walk below recurses on it. */
const MAX_EXTENDS_DEPTH = 1000

/** The files of one profile in merge order, parents first. */
export interface MergeOrder {
  readonly files: readonly ProfileFile[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Orders a profile's files for merging: depth first, parents in the order
 * `extends` names them, each file once. With `extends: [a, b]` where both
 * extend `base`, the order is base, a, b, child: `base` is merged once, so
 * it cannot undo what `a` changed in it. A cycle or an unknown parent is
 * reported with the `extends` that names it.
 *
 * `memo` holds the orders of profiles planned before without a problem:
 * a parent found there contributes its order, less what is already in,
 * instead of being walked again. That is the same order (a depth-first
 * walk skips whole subtrees it has done), and a chain of N profiles costs
 * N steps instead of N².
 */
export function planMergeOrder(
  name: string,
  lookup: (name: string) => ProfileFile | undefined,
  names: readonly string[],
  memo?: Map<string, readonly ProfileFile[]>
): MergeOrder {
  const only = onlyParentOrder(name, lookup, memo)
  if (only) return only
  const files: ProfileFile[] = []
  const diagnostics: Diagnostic[] = []
  const done = new Set<string>()
  const failed = new Set<string>()
  const stack: { file: ProfileFile; via?: ExtendsRef }[] = []
  // The names on the stack, so a long chain costs one lookup per step.
  const open = new Set<string>()

  const visit = (current: string, via: ExtendsRef | undefined): void => {
    if (stack.length >= MAX_EXTENDS_DEPTH && via) {
      if (!failed.has('')) {
        failed.add('')
        diagnostics.push(
          errorAt(
            'extends-too-deep',
            `profile "${name}" extends a chain of more than ${MAX_EXTENDS_DEPTH.toLocaleString('en-US')} profiles; shorten the chain`,
            via.location,
            { path: 'extends' }
          )
        )
      }
      return
    }
    if (open.has(current) && via) {
      const from = stack.findIndex((s) => s.file.name === current)
      diagnostics.push(cycle([...stack.slice(from), { via }], current))
      return
    }
    if (done.has(current) || failed.has(current)) return
    const known = current === name ? undefined : memo?.get(current)
    if (known) {
      for (const f of known) {
        if (done.has(f.name)) continue
        done.add(f.name)
        files.push(f)
      }
      return
    }
    const file = lookup(current)
    if (!file) {
      failed.add(current)
      if (via) diagnostics.push(unknownParent(stack, via, names))
      return
    }
    diagnostics.push(...file.diagnostics)
    if (!file.tree) {
      failed.add(current)
      return
    }
    stack.push({ file, via })
    open.add(current)
    for (const parent of file.extends) visit(parent.name, parent)
    open.delete(current)
    stack.pop()
    done.add(current)
    files.push(file)
  }

  visit(name, undefined)
  if (diagnostics.length === 0) memo?.set(name, files)
  return { files, diagnostics }
}

/**
 * The common case of a long chain: a sound file with one parent whose order
 * is known is that order plus itself, one array copy.
 */
function onlyParentOrder(
  name: string,
  lookup: (name: string) => ProfileFile | undefined,
  memo: Map<string, readonly ProfileFile[]> | undefined
): MergeOrder | undefined {
  if (!memo) return undefined
  const file = lookup(name)
  if (!file?.tree || file.diagnostics.length > 0 || file.extends.length !== 1)
    return undefined
  const known = memo.get(file.extends[0].name)
  // A known order is free of cycles, so it cannot hold this profile.
  if (!known) return undefined
  const files = [...known, file]
  memo.set(name, files)
  return { files, diagnostics: [] }
}

function cycle(
  path: readonly { file?: ProfileFile; via?: ExtendsRef }[],
  closing: string
): Diagnostic {
  const names = [...path.flatMap((s) => (s.file ? [s.file.name] : [])), closing]
  const steps = path.slice(1).map((s, i) => {
    const parentOf = path[i].file
    const where = s.via ? formatLine(s.via.location) : ''
    return `${where}: "${parentOf?.name}" extends "${s.via?.name}"`
  })
  const last = path[path.length - 1].via
  return errorAt(
    'extends-cycle',
    `profiles extend each other in a cycle: ${names.join(' → ')}; remove one of these extends`,
    last?.location,
    { detail: steps.join('\n'), path: 'extends' }
  )
}

function unknownParent(
  stack: readonly { file: ProfileFile }[],
  via: ExtendsRef,
  names: readonly string[]
): Diagnostic {
  const child = stack[stack.length - 1]?.file.name
  const list = names.length > 0 ? names.join(', ') : '(none)'
  const hint = didYouMean(via.name, names)
  return errorAt(
    'unknown-parent',
    `profile "${child}" extends "${via.name}", which does not exist${hint ? `;${hint}` : '.'}`,
    via.location,
    { detail: `the profiles are: ${list}`, path: 'extends' }
  )
}
