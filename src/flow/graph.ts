import { InternalError } from '../diagnostics/index.js'
import type { Edge } from './types.js'

/**
 * Groups steps into levels: a step's level is one more than the highest
 * level among the steps it depends on. Keys are sorted within a level so
 * plans, graphs and comments do not churn between runs.
 */
export function computeLevels(
  keys: readonly string[],
  edges: readonly Edge[],
  known?: ReadonlyMap<string, ReadonlySet<string>>
): string[][] {
  const { order, parents } = topologicalOrder(keys, edges, known)
  const level = new Map<string, number>()
  const levels: string[][] = []
  for (const key of order) {
    let l = 0
    for (const p of parents.get(key)!) l = Math.max(l, level.get(p)! + 1)
    level.set(key, l)
    ;(levels[l] ??= []).push(key)
  }
  return levels.map((l) => l.sort())
}

/**
 * The longest chain of dependent steps, counted in steps (durations are not
 * known before a run). Ties go to the chain whose steps sort first.
 */
export function computeCriticalPath(
  keys: readonly string[],
  edges: readonly Edge[],
  known?: ReadonlyMap<string, ReadonlySet<string>>
): string[] {
  const { order, parents } = topologicalOrder(keys, edges, known)
  const length = new Map<string, number>()
  const via = new Map<string, string | undefined>()
  for (const key of order) {
    let best: string | undefined
    for (const p of [...parents.get(key)!].sort()) {
      if (best === undefined || length.get(p)! > length.get(best)!) best = p
    }
    length.set(key, best === undefined ? 1 : length.get(best)! + 1)
    via.set(key, best)
  }
  let end: string | undefined
  for (const key of [...keys].sort()) {
    if (end === undefined || length.get(key)! > length.get(end)!) end = key
  }
  const path: string[] = []
  for (let k = end; k !== undefined; k = via.get(k)) path.push(k)
  return path.reverse()
}

/** For each key, the keys it waits for (only among `keys`). */
export function parentMap(
  keys: readonly string[],
  edges: readonly Edge[]
): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>(keys.map((k) => [k, new Set()]))
  for (const e of edges) {
    if (parents.has(e.from) && e.from !== e.to) parents.get(e.to)?.add(e.from)
  }
  return parents
}

/**
 * Kahn's algorithm, iterative so a chain of thousands of steps cannot
 * overflow the stack. The flow's edges always point forward in manifest
 * order, so a cycle here would be a bug, not a user error.
 */
function topologicalOrder(
  keys: readonly string[],
  edges: readonly Edge[],
  known?: ReadonlyMap<string, ReadonlySet<string>>
): { order: string[]; parents: ReadonlyMap<string, ReadonlySet<string>> } {
  const parents = known ?? parentMap(keys, edges)
  const children = new Map<string, string[]>(keys.map((k) => [k, []]))
  const waiting = new Map<string, number>()
  for (const [key, ps] of parents) {
    waiting.set(key, ps.size)
    for (const p of ps) children.get(p)!.push(key)
  }
  const order: string[] = []
  const ready = keys.filter((k) => waiting.get(k) === 0)
  for (let i = 0; i < ready.length; i++) {
    const key = ready[i]
    order.push(key)
    for (const c of children.get(key)!) {
      const left = waiting.get(c)! - 1
      waiting.set(c, left)
      if (left === 0) ready.push(c)
    }
  }
  if (order.length !== keys.length) {
    throw new InternalError('the step graph has a cycle')
  }
  return { order, parents }
}

/** A directed edge between two node ids; flow edges and lineage edges both fit. */
export interface GraphEdge {
  readonly from: string
  readonly to: string
}

/** Which way to follow edges: to what depends on a node, or to what it depends on. */
export type Direction = 'downstream' | 'upstream'

/**
 * For each node, the nodes one edge away in `direction`, each once, in the
 * order the edges list them. Build it once and reuse it: a walk that builds
 * its own adjacency per start node is quadratic.
 */
export function adjacencyOf(
  edges: Iterable<GraphEdge>,
  direction: Direction
): Map<string, string[]> {
  const next = new Map<string, string[]>()
  const seen = new Set<string>()
  for (const e of edges) {
    const [a, b] = direction === 'downstream' ? [e.from, e.to] : [e.to, e.from]
    const id = `${a}\u0000${b}`
    if (seen.has(id)) continue
    seen.add(id)
    const list = next.get(a)
    if (list) list.push(b)
    else next.set(a, [b])
  }
  return next
}

/**
 * The one reachability walk over a graph: the start nodes and every node
 * reachable from them through `next`, breadth first. Iterative, so a chain
 * of any length cannot overflow the stack; each node is visited once.
 */
export function reachableFrom(
  start: Iterable<string>,
  next: ReadonlyMap<string, readonly string[]>
): Set<string> {
  const seen = new Set(start)
  const queue = [...seen]
  for (let i = 0; i < queue.length; i++) {
    for (const n of next.get(queue[i]) ?? []) {
      if (!seen.has(n)) {
        seen.add(n)
        queue.push(n)
      }
    }
  }
  return seen
}
