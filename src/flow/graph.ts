import type { Edge } from './types.js'

/**
 * Groups steps into levels: a step's level is one more than the highest
 * level among the steps it depends on. Keys are sorted within a level so
 * plans, graphs and comments do not churn between runs.
 */
export function computeLevels(
  keys: readonly string[],
  edges: readonly Edge[]
): string[][] {
  const parents = parentMap(keys, edges)
  const level = new Map<string, number>()
  const visit = (key: string): number => {
    const known = level.get(key)
    if (known !== undefined) return known
    let l = 0
    for (const p of parents.get(key) ?? []) l = Math.max(l, visit(p) + 1)
    level.set(key, l)
    return l
  }
  const levels: string[][] = []
  for (const key of keys) (levels[visit(key)] ??= []).push(key)
  return levels.map((l) => [...l].sort())
}

/**
 * The longest chain of dependent steps, counted in steps (durations are not
 * known before a run). Ties go to the chain that sorts first by key.
 */
export function computeCriticalPath(
  keys: readonly string[],
  edges: readonly Edge[]
): string[] {
  const parents = parentMap(keys, edges)
  const best = new Map<string, string[]>()
  const chain = (key: string): string[] => {
    const known = best.get(key)
    if (known) return known
    let longest: string[] = []
    for (const p of [...(parents.get(key) ?? [])].sort()) {
      const c = chain(p)
      if (c.length > longest.length) longest = c
    }
    const result = [...longest, key]
    best.set(key, result)
    return result
  }
  let path: string[] = []
  for (const key of [...keys].sort()) {
    const c = chain(key)
    if (c.length > path.length) path = c
  }
  return path
}

/** For each key, the keys it waits for (only among `keys`). */
export function parentMap(
  keys: readonly string[],
  edges: readonly Edge[]
): Map<string, Set<string>> {
  const known = new Set(keys)
  const parents = new Map<string, Set<string>>(keys.map((k) => [k, new Set()]))
  for (const e of edges) {
    if (known.has(e.from) && known.has(e.to) && e.from !== e.to) {
      parents.get(e.to)?.add(e.from)
    }
  }
  return parents
}
