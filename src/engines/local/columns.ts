import type { ColumnSpec } from '../../manifest/types.js'

/** A column as the engine found it, typed with Spark's names. */
export interface ActualColumn {
  readonly name: string
  readonly type: string
}

const SCALARS: Readonly<Record<string, string>> = {
  BOOLEAN: 'boolean',
  TINYINT: 'tinyint',
  SMALLINT: 'smallint',
  INTEGER: 'int',
  BIGINT: 'bigint',
  HUGEINT: 'decimal(38,0)',
  UTINYINT: 'smallint',
  USMALLINT: 'int',
  UINTEGER: 'bigint',
  UBIGINT: 'decimal(20,0)',
  UHUGEINT: 'decimal(38,0)',
  FLOAT: 'float',
  DOUBLE: 'double',
  VARCHAR: 'string',
  UUID: 'string',
  JSON: 'string',
  BLOB: 'binary',
  DATE: 'date',
  TIME: 'string',
  TIMESTAMP: 'timestamp',
  TIMESTAMP_S: 'timestamp',
  TIMESTAMP_MS: 'timestamp',
  TIMESTAMP_NS: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamp',
  INTERVAL: 'interval',
  NULL: 'void'
}

/**
 * A DuckDB type (as `DESCRIBE` prints it) in Spark's `DataFrame.dtypes`
 * spelling, the one `columns:` in the manifest uses: `INTEGER` → `int`,
 * `DECIMAL(18,2)` → `decimal(18,2)`, `INTEGER[]` → `array<int>`,
 * `STRUCT(a INTEGER)` → `struct<a:int>`, `MAP(VARCHAR, INTEGER)` →
 * `map<string,int>`. Unknown types come out lower-cased.
 */
export function toSparkType(duckdbType: string): string {
  const type = duckdbType.trim()
  if (type.endsWith('[]')) return `array<${toSparkType(type.slice(0, -2))}>`
  const fixedList = /^(.*)\[\d+\]$/.exec(type)
  if (fixedList) return `array<${toSparkType(fixedList[1])}>`
  const upper = type.toUpperCase()
  const decimal = /^DECIMAL\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(upper)
  if (decimal) return `decimal(${decimal[1]},${decimal[2]})`
  if (upper.startsWith('STRUCT(') && type.endsWith(')')) {
    const fields = splitTopLevel(type.slice(7, -1)).map((field) => {
      const match = /^("(?:[^"]|"")*"|\S+)\s+([\s\S]+)$/.exec(field.trim())
      if (!match) return field.trim()
      const name = match[1].startsWith('"')
        ? match[1].slice(1, -1).replaceAll('""', '"')
        : match[1]
      return `${name}:${toSparkType(match[2])}`
    })
    return `struct<${fields.join(',')}>`
  }
  if (upper.startsWith('MAP(') && type.endsWith(')')) {
    const [key, value] = splitTopLevel(type.slice(4, -1))
    return `map<${toSparkType(key ?? '')},${toSparkType(value ?? '')}>`
  }
  return SCALARS[upper] ?? type.toLowerCase()
}

/** Splits at commas that are not inside parentheses or quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '(' || ch === '<')) depth++
    else if (!quoted && (ch === ')' || ch === '>')) depth--
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((p) => p.trim()).filter((p) => p !== '')
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
