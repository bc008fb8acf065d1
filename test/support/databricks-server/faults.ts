import type { FaultRule } from './types.js'

/** The live fault rules; each hit uses one of a rule's `times`. */
export interface Faults {
  add(rule: FaultRule): void
  clear(): void
  /** The first rule for this request at this stage, used up by one. */
  take(
    method: string,
    path: string,
    when: 'before' | 'after'
  ): FaultRule | undefined
}

/** Creates an empty rule list. */
export function createFaults(): Faults {
  let rules: { rule: FaultRule; left: number; pass: number }[] = []
  return {
    add(rule) {
      rules.push({ rule, left: rule.times ?? 1, pass: rule.after ?? 0 })
    },
    clear() {
      rules = []
    },
    take(method, path, when) {
      const found = rules.find(
        ({ rule, left }) =>
          left > 0 &&
          (rule.when ?? 'before') === when &&
          (rule.method === undefined || rule.method === method) &&
          (typeof rule.path === 'string'
            ? rule.path === path
            : rule.path.test(path))
      )
      if (found === undefined) return undefined
      if (found.pass > 0) {
        // Let the first `after` matching requests through untouched.
        found.pass -= 1
        return undefined
      }
      found.left -= 1
      rules = rules.filter((r) => r.left > 0)
      return found.rule
    }
  }
}
