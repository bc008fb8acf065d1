import type { ColumnChanges, DiffColumn } from '../report/index.js'
import type { ComparedColumn } from './query.js'

/** Types compared as text: Spark cannot compare maps for equality. */
const AS_TEXT = /^map</i

const norm = (type: string) => type.toLowerCase().replace(/\s+/g, '')

/**
 * The columns added, removed and retyped between two descriptions of a
 * table, in the head's order (then the base's for removed ones); names
 * compare as Spark does, without case.
 */
export function diffColumns(
  base: readonly DiffColumn[],
  head: readonly DiffColumn[]
): ColumnChanges {
  const find = (list: readonly DiffColumn[], name: string) =>
    list.find((c) => c.name.toLowerCase() === name.toLowerCase())
  const retyped: { name: string; from: string; to: string }[] = []
  for (const h of head) {
    const b = find(base, h.name)
    if (b && norm(b.type) !== norm(h.type))
      retyped.push({ name: h.name, from: b.type, to: h.type })
  }
  return {
    added: head.filter((h) => !find(base, h.name)),
    removed: base.filter((b) => !find(head, b.name)),
    retyped
  }
}

/**
 * The columns a keyed comparison compares: those both sides have, but the
 * key; as text where the type changed or cannot be compared.
 */
export function comparedColumns(
  base: readonly DiffColumn[],
  head: readonly DiffColumn[],
  key: readonly string[]
): ComparedColumn[] {
  const keys = new Set(key.map((k) => k.toLowerCase()))
  return head.flatMap((h) => {
    if (keys.has(h.name.toLowerCase())) return []
    const b = base.find((c) => c.name.toLowerCase() === h.name.toLowerCase())
    if (!b) return []
    const asText =
      norm(b.type) !== norm(h.type) ||
      AS_TEXT.test(norm(h.type)) ||
      AS_TEXT.test(norm(b.type))
    const hashed = !asText && norm(h.type) === 'string'
    return [{ name: h.name, asText, ...(hashed ? { hashed } : {}) }]
  })
}

/** The key columns one side lacks, which make a keyed comparison impossible. */
export function missingKey(
  columns: readonly DiffColumn[],
  key: readonly string[]
): string[] {
  return key.filter(
    (k) => !columns.some((c) => c.name.toLowerCase() === k.toLowerCase())
  )
}
