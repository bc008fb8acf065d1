import { glob, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import {
  IGNORED_CSV_OPTIONS,
  isRemoteLocation,
  LOCAL_CSV_OPTIONS
} from '../../../profiles/index.js'
import type { TableLocation } from '../../../flow/index.js'
import { quoteLiteral } from '../sql/index.js'
import { StepFailure } from '../failure/index.js'
import { globBase, globMatches, isGlob } from './globs.js'

/**
 * Where the local engine keeps catalog-layout tables (`catalog.schema.t`):
 * `<root>/.dtflw/warehouse/<catalog>/<schema>/<t>.parquet`, one Parquet
 * file per table.
 */
export const WAREHOUSE_DIR = '.dtflw/warehouse'

/** A table as a local file, folder or glob. */
export interface LocalTable {
  /** Absolute path (may hold a glob pattern). */
  readonly path: string
  readonly format: string
  /** `catalog.schema.table` for catalog-layout tables. */
  readonly qualifiedName?: string
  /** Reader options (a source's `options`). */
  readonly options?: Readonly<Record<string, string>>
}

/**
 * The local file of a planned location. Relative paths are relative to the
 * repository root; remote URIs (`abfss://`, `dbfs:/`, `s3://`) fail, since
 * this engine only reaches local files.
 */
export function resolveLocalTable(
  root: string,
  location: TableLocation,
  options?: Readonly<Record<string, string>>
): LocalTable {
  if (location.kind === 'table') {
    const parts = location.name.split('.')
    return {
      path: path.join(root, WAREHOUSE_DIR, ...parts) + '.parquet',
      format: 'parquet',
      qualifiedName: location.name,
      ...(options ? { options } : {})
    }
  }
  let uri = location.uri
  if (uri.startsWith('file://')) uri = uri.slice('file://'.length)
  if (isRemoteLocation(uri)) {
    throw new StepFailure({
      kind: 'engine',
      message: `${uri} is remote storage, and the local engine reads and writes local files only; use a profile whose tables.root and sources are local paths.`
    })
  }
  return {
    path: path.resolve(root, uri),
    format: location.format.toLowerCase(),
    ...(options ? { options } : {})
  }
}

async function kindOf(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    return (await stat(p)).isDirectory() ? 'dir' : 'file'
  } catch {
    return undefined
  }
}

/** A folder that holds at least one data file (not `_SUCCESS`, not hidden). */
async function holdsData(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.some(
    (e) => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('_')
  )
}

/**
 * A table exists when its file exists, its folder holds a data file (Spark
 * writes folders of part files), or its glob matches something: dtflw's
 * glob-aware `needs_eval`.
 */
export async function tableExists(table: LocalTable): Promise<boolean> {
  if (isGlob(table.path)) {
    for await (const _ of glob(table.path)) return true
    return false
  }
  const kind = await kindOf(table.path)
  if (kind === 'dir') return holdsData(table.path)
  return kind === 'file'
}

/** What DuckDB's sandbox must allow for a reader to see the table. */
export interface SandboxGrant {
  readonly paths: readonly string[]
  readonly directories: readonly string[]
  /**
   * A glob's folder, which DuckDB must be allowed to list to expand the
   * glob itself (a Python step's `spark.read.csv("data/raw_*.csv")`).
   * Python steps only: they could read it anyway in sandbox `standard`,
   * and a strict sandbox shows them only the matches there.
   */
  readonly globFolders?: readonly string[]
}

/**
 * The file, the folder, or exactly the files a glob matches now: never a
 * glob's folder, so a step reads no file the glob does not match and
 * cannot plant one that it would.
 */
export async function grantFor(table: LocalTable): Promise<SandboxGrant> {
  if (isGlob(table.path)) {
    return {
      paths: await globMatches(table.path),
      directories: [],
      globFolders: [globBase(table.path) + path.sep]
    }
  }
  return (await kindOf(table.path)) === 'dir'
    ? { paths: [], directories: [table.path + path.sep] }
    : { paths: [table.path], directories: [] }
}

function optionValue(value: string): string {
  return /^(true|false|\d+)$/i.test(value) ? value : quoteLiteral(value)
}

/**
 * A DuckDB table function call that reads the table: `read_parquet` (a
 * folder reads all its `*.parquet` files), `read_csv_auto` with a header
 * by default, or `read_json_auto`. Paths and option values are quoted
 * literals; option names are checked, never spliced.
 */
export async function readExpression(table: LocalTable): Promise<string> {
  const dir = !isGlob(table.path) && (await kindOf(table.path)) === 'dir'
  // A glob is read as the list of what it matches now, so DuckDB needs no
  // access to its folder.
  const matches = isGlob(table.path) ? await globMatches(table.path) : []
  const target = (ext: string): string =>
    isGlob(table.path)
      ? `[${matches.map(quoteLiteral).join(', ')}]`
      : quoteLiteral(dir ? path.join(table.path, '**', `*.${ext}`) : table.path)
  switch (table.format) {
    case 'parquet':
      return `read_parquet(${target('parquet')})`
    case 'csv': {
      const options: Record<string, string> = { header: 'true' }
      for (const [key, value] of Object.entries(table.options ?? {})) {
        const name = LOCAL_CSV_OPTIONS[key.toLowerCase()]
        if (name) options[name] = value
        else if (!IGNORED_CSV_OPTIONS.includes(key.toLowerCase())) {
          throw new StepFailure({
            kind: 'engine',
            message: `CSV option "${key}" is not supported by the local engine; supported: ${Object.keys(LOCAL_CSV_OPTIONS).join(', ')}, inferSchema.`
          })
        }
      }
      const rendered = Object.entries(options)
        .map(([k, v]) => `${k} = ${optionValue(v)}`)
        .join(', ')
      return `read_csv_auto(${target('csv')}, ${rendered})`
    }
    case 'json':
      return `read_json_auto(${target('json')})`
    default:
      throw new StepFailure({
        kind: 'engine',
        message: `format "${table.format}" is not supported by the local engine (it reads parquet, csv and json); use parquet for local profiles.`
      })
  }
}

/** The `COPY … TO` options that write the table's format. */
export function copyOptions(format: string): string {
  switch (format) {
    case 'csv':
      return '(FORMAT csv, HEADER true)'
    case 'json':
      return '(FORMAT json)'
    default:
      return '(FORMAT parquet)'
  }
}
