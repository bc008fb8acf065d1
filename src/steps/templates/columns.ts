import type { KnownColumn } from './types.js'

/**
 * What dtflw learned of a table's columns without running the flow (the
 * `describeTable` option of `addStep`): the columns with Spark types and
 * where they come from, or why not and what to do.
 */
export type TableDescription =
  | {
      readonly ok: true
      readonly columns: readonly { name: string; type: string }[]
      readonly from: string
    }
  | { readonly ok: false; readonly why: string; readonly fix: string }

/**
 * Asks dtflw for the columns of `table` as step `producer` writes it (no
 * producer: the source `table`).
 */
export type DescribeTable = (
  table: string,
  producer?: string
) => Promise<TableDescription>

const NUMBER_TYPE =
  /^(tinyint|smallint|int|integer|bigint|long|short|byte|float|double|real|(decimal|dec|numeric)(\(.*\))?)$/
const DATE_TYPE = /^(date|timestamp(_ntz|_ltz)?)$/

/** The kind of a column type. */
export function kindOfType(type: string | null): KnownColumn['kind'] {
  if (type === null) return 'unknown'
  const t = type.toLowerCase().replace(/\s+/g, '')
  if (NUMBER_TYPE.test(t)) return 'number'
  if (DATE_TYPE.test(t)) return 'date'
  if (t === 'string' || /^(var)?char/.test(t)) return 'text'
  return 'unknown'
}

/**
 * Columns by name, each typed as declared, else as dtflw learned it
 * (`learned`, when it knows the column), else null.
 */
export function knownColumns(
  named: readonly { name: string; type: string | null }[],
  learned: readonly { name: string; type: string }[] = []
): KnownColumn[] {
  const types = new Map(learned.map((c) => [c.name, c.type]))
  return named.map((c) => {
    const type = c.type ?? types.get(c.name) ?? null
    return { name: c.name, type, kind: kindOfType(type) }
  })
}
