/**
 * Code-point order. `localeCompare` depends on the ICU data Node was built
 * with, and output that changes between machines would churn PR comments.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A sorted copy with duplicates removed, in code-point order. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText)
}

/** Appends to the list under `key`, creating it. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
