import { appendTo } from './order.js'

/** Successors and predecessors of each node id. */
export interface Adjacency {
  readonly next: ReadonlyMap<string, readonly string[]>
  readonly previous: ReadonlyMap<string, readonly string[]>
}

/** Adjacency lists of a set of directed edges. */
export function adjacency(
  edges: Iterable<{ readonly from: string; readonly to: string }>
): Adjacency {
  const next = new Map<string, string[]>()
  const previous = new Map<string, string[]>()
  for (const e of edges) {
    appendTo(next, e.from, e.to)
    appendTo(previous, e.to, e.from)
  }
  return { next, previous }
}

/** Each node reachable from the seeds, with its distance from the nearest seed. */
export function downstreamDepths(
  graph: Adjacency,
  seeds: Iterable<string>
): Map<string, number> {
  const depth = new Map<string, number>()
  const queue: string[] = []
  for (const s of seeds) {
    if (!depth.has(s)) {
      depth.set(s, 0)
      queue.push(s)
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const d = depth.get(queue[i])! + 1
    for (const n of graph.next.get(queue[i]) ?? []) {
      if (!depth.has(n)) {
        depth.set(n, d)
        queue.push(n)
      }
    }
  }
  return depth
}

/** The nodes and their neighbours up to `radius` edges away, either way. */
export function neighbourhood(
  graph: Adjacency,
  nodes: Iterable<string>,
  radius: number
): Set<string> {
  const seen = new Set(nodes)
  let frontier = [...seen]
  for (let r = 0; r < radius; r++) {
    const nextFrontier: string[] = []
    for (const id of frontier) {
      for (const n of [
        ...(graph.next.get(id) ?? []),
        ...(graph.previous.get(id) ?? [])
      ]) {
        if (!seen.has(n)) {
          seen.add(n)
          nextFrontier.push(n)
        }
      }
    }
    frontier = nextFrontier
  }
  return seen
}
