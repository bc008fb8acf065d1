/**
 * Table formats: the one map from a file extension to a format, and what
 * each engine reads and writes. The local engine and the planner ask here,
 * so `validate` refuses what a run would fail on.
 */

/** Formats Databricks reads and writes by name. */
export const KNOWN_FORMATS: readonly string[] = [
  'delta',
  'parquet',
  'csv',
  'json',
  'orc',
  'avro',
  'text'
]

/** Formats the local engine (DuckDB) reads and writes. */
export const LOCAL_FORMATS: readonly string[] = ['parquet', 'csv', 'json']

/** Spark's CSV reader options the local engine honours, and their DuckDB names. */
export const LOCAL_CSV_OPTIONS: Readonly<Record<string, string>> = {
  header: 'header',
  sep: 'delim',
  delimiter: 'delim',
  quote: 'quote',
  escape: 'escape',
  nullvalue: 'nullstr',
  dateformat: 'dateformat',
  timestampformat: 'timestampformat',
  encoding: 'encoding'
}

/** CSV options the local engine accepts and ignores (DuckDB always infers). */
export const IGNORED_CSV_OPTIONS: readonly string[] = ['inferschema']

const FORMAT_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ['csv', 'csv'],
  ['parquet', 'parquet'],
  ['pq', 'parquet'],
  ['json', 'json'],
  ['jsonl', 'json'],
  ['ndjson', 'json'],
  ['delta', 'delta'],
  ['orc', 'orc'],
  ['avro', 'avro']
])

const COMPRESSION = new Set(['gz', 'bz2', 'zst', 'zstd', 'lz4', 'snappy'])

/**
 * The format a path's extension names (`.csv.gz` is csv, `.jsonl` is
 * json), or `undefined` when it names none.
 */
export function inferFormat(path: string): string | undefined {
  // Indices, not split arrays: a profile may name tens of thousands of paths.
  let end = path.length
  while (end > 0 && path[end - 1] === '/') end--
  const start = path.lastIndexOf('/', end - 1) + 1
  const last = path.lastIndexOf('.', end - 1)
  if (last < start) return undefined
  let ext = path.slice(last + 1, end).toLowerCase()
  if (COMPRESSION.has(ext)) {
    const before = last > start ? path.lastIndexOf('.', last - 1) : -1
    if (before >= start) ext = path.slice(before + 1, last).toLowerCase()
  }
  return ext ? FORMAT_BY_EXTENSION.get(ext) : undefined
}

/** True for `dbfs:/…`, `abfss://…`, `s3://…`: storage only a cluster reaches. */
export function isRemoteLocation(p: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\//.test(p) && !p.startsWith('file:')
}
