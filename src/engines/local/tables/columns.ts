import { normalizeSparkType } from '../../columns.js'

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

const DUCKDB_SCALARS: Readonly<Record<string, string>> = {
  boolean: 'BOOLEAN',
  tinyint: 'TINYINT',
  smallint: 'SMALLINT',
  int: 'INTEGER',
  bigint: 'BIGINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  string: 'VARCHAR',
  binary: 'BLOB',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  timestamp_ntz: 'TIMESTAMP',
  interval: 'INTERVAL'
}

/**
 * A manifest's Spark type as DuckDB spells it, the reverse of
 * `toSparkType`: `decimal(18,2)` → `DECIMAL(18,2)`, `array<int>` →
 * `INTEGER[]`, `struct<a:int>` → `STRUCT("a" INTEGER)`. Undefined for a
 * type DuckDB has no match for.
 */
export function toDuckdbType(sparkType: string): string | undefined {
  // Field names keep their case: only the type words are normalised.
  const nested = /^(array|map|struct)\s*<([\s\S]*)>$/i.exec(sparkType.trim())
  if (!nested) {
    const type = normalizeSparkType(sparkType)
    const decimal = /^decimal\((\d+),(\d+)\)$/.exec(type)
    return decimal
      ? `DECIMAL(${decimal[1]},${decimal[2]})`
      : DUCKDB_SCALARS[type]
  }
  const parts = splitTopLevel(nested[2])
  const kind = nested[1].toLowerCase()
  if (kind === 'array') {
    const element = parts.length === 1 ? toDuckdbType(parts[0]) : undefined
    return element && `${element}[]`
  }
  if (kind === 'map') {
    const [key, value] = parts.map(toDuckdbType)
    return parts.length === 2 && key && value
      ? `MAP(${key}, ${value})`
      : undefined
  }
  const fields = parts.map((field) => {
    const at = field.indexOf(':')
    const fieldType = at > 0 ? toDuckdbType(field.slice(at + 1)) : undefined
    return fieldType && `${quoteName(field.slice(0, at).trim())} ${fieldType}`
  })
  return fields.every(Boolean) ? `STRUCT(${fields.join(', ')})` : undefined
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
