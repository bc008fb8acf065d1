import type { ColumnSpec } from '../manifest/index.js'

/** A column as the engine found it, typed with Spark's names. */
export interface ActualColumn {
  readonly name: string
  readonly type: string
}

const ALIASES: Readonly<Record<string, string>> = {
  integer: 'int',
  long: 'bigint',
  short: 'smallint',
  byte: 'tinyint',
  real: 'float',
  decimal: 'decimal(10,0)',
  dec: 'decimal(10,0)',
  numeric: 'decimal(10,0)',
  text: 'string',
  varchar: 'string',
  timestamp_ltz: 'timestamp'
}

/** A declared type in one canonical spelling (case, spaces, aliases). */
export function normalizeSparkType(declared: string): string {
  const compact = declared.toLowerCase().replace(/\s+/g, '')
  const sized = /^(?:varchar|char)\(\d+\)$/.test(compact) ? 'string' : compact
  const decimal = /^(?:decimal|dec|numeric)\((\d+)(?:,(\d+))?\)$/.exec(sized)
  if (decimal) return `decimal(${decimal[1]},${decimal[2] ?? '0'})`
  return ALIASES[sized] ?? sized
}

/**
 * dtflw's rule (`assert_schema_compatible`): every declared column must be
 * there; a declared type must match, except that `int` satisfies `bigint`
 * (not the reverse); `type: null` checks presence only; `strict` also
 * rejects columns that are not declared. Returns every problem, one line
 * each, so one run shows them all.
 */
export function checkColumns(
  actual: readonly ActualColumn[],
  expected: readonly ColumnSpec[],
  strict: boolean
): string[] {
  const problems: string[] = []
  const byName = new Map(actual.map((c) => [c.name, c]))
  for (const column of expected) {
    const found = byName.get(column.name)
    if (!found) {
      const other = actual.find(
        (c) => c.name.toLowerCase() === column.name.toLowerCase()
      )
      const hint = other
        ? ` (there is "${other.name}": names are case-sensitive)`
        : ''
      problems.push(`column "${column.name}" is missing${hint}`)
      continue
    }
    if (column.type === null) continue
    const want = normalizeSparkType(column.type)
    const have = normalizeSparkType(found.type)
    if (want === have || (want === 'bigint' && have === 'int')) continue
    problems.push(`column "${column.name}" is ${have}, expected ${want}`)
  }
  if (strict) {
    const declared = new Set(expected.map((c) => c.name))
    for (const column of actual) {
      if (!declared.has(column.name)) {
        problems.push(
          `column "${column.name}" (${column.type}) is not declared, and the output is strict`
        )
      }
    }
  }
  return problems
}
