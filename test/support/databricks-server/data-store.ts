import { ApiFailure, invalid } from './respond.js'

/** A column as tests declare it. */
export interface ColumnSpec {
  readonly name: string
  /** SQL spelling, e.g. `bigint`, `decimal(18,2)`. */
  readonly type: string
}

/** A stored Unity Catalog table. */
export interface StoredTable {
  readonly fullName: string
  readonly columns: readonly ColumnSpec[]
  readonly tableType: string
  readonly format: string
  readonly createdAt: number
}

/** A stored file or folder of a volume or DBFS. */
export interface StoredPath {
  readonly kind: 'file' | 'directory'
  readonly size: number
  readonly modifiedAt: number
}

/** Unity Catalog tables and volume/DBFS paths, in memory. */
export interface DataStore {
  putTable(
    fullName: string,
    columns?: readonly ColumnSpec[],
    options?: { tableType?: string; format?: string }
  ): void
  deleteTable(fullName: string): void
  createSchema(name: string): void
  /** Whether a catalog or `catalog.schema` exists. */
  hasSchema(name: string): boolean
  /**
   * `catalog.schema` as the schemas API makes it: the catalog must exist,
   * the schema must not.
   */
  addSchema(catalog: string, schema: string, comment?: string): void
  /** The comment a schema was created with. */
  schemaComment(name: string): string | undefined
  /** Drops a schema; its tables too with `force`, else it must be empty. */
  dropSchema(fullName: string, force: boolean): void
  /** Throws the API's error when the table, schema or catalog is missing. */
  table(fullName: string): StoredTable
  hasTable(fullName: string): boolean
  putFile(path: string, size?: number): void
  putDirectory(path: string): void
  deletePath(path: string): void
  path(path: string): StoredPath | undefined
  list(path: string): [string, StoredPath][]
}

const DEFAULT_COLUMNS: readonly ColumnSpec[] = [{ name: 'id', type: 'bigint' }]

/** An empty store; `missingTableCode` is what a missing table answers. */
export function createDataStore(
  now: () => number,
  missingTableCode: string
): DataStore {
  const catalogs = new Set<string>()
  const schemas = new Set<string>()
  const comments = new Map<string, string>()
  const tables = new Map<string, StoredTable>()
  const paths = new Map<string, StoredPath>()
  const split = (fullName: string) => {
    const parts = fullName.split('.').map((p) => p.replace(/^`|`$/g, ''))
    if (parts.length !== 3 || parts.some((p) => p === ''))
      throw invalid(
        `Invalid table name '${fullName}': expected catalog.schema.table.`
      )
    return parts.map((p) => p.toLowerCase())
  }
  const ensureDirs = (path: string) => {
    const parts = path.split('/').filter(Boolean)
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`
      if (!paths.has(dir))
        paths.set(dir, { kind: 'directory', size: 0, modifiedAt: now() })
    }
  }
  const store: DataStore = {
    putTable(fullName, columns = DEFAULT_COLUMNS, options = {}) {
      const [c, s, t] = split(fullName)
      catalogs.add(c)
      schemas.add(`${c}.${s}`)
      tables.set(`${c}.${s}.${t}`, {
        fullName: `${c}.${s}.${t}`,
        columns,
        tableType: options.tableType ?? 'MANAGED',
        format: options.format ?? 'DELTA',
        createdAt: now()
      })
    },
    deleteTable(fullName) {
      const [c, s, t] = split(fullName)
      tables.delete(`${c}.${s}.${t}`)
    },
    createSchema(name) {
      const [c, s] = name.toLowerCase().split('.')
      catalogs.add(c)
      if (s !== undefined) schemas.add(`${c}.${s}`)
    },
    hasSchema(name) {
      const [c, s] = name.toLowerCase().split('.')
      return s === undefined ? catalogs.has(c) : schemas.has(`${c}.${s}`)
    },
    addSchema(catalog, schema, comment) {
      const [c, s] = [catalog.toLowerCase(), schema.toLowerCase()]
      if (!catalogs.has(c))
        throw new ApiFailure(
          404,
          'CATALOG_DOES_NOT_EXIST',
          `Catalog '${c}' does not exist.`
        )
      if (schemas.has(`${c}.${s}`))
        throw new ApiFailure(
          409,
          'SCHEMA_ALREADY_EXISTS',
          `Schema '${s}' already exists`
        )
      schemas.add(`${c}.${s}`)
      if (comment !== undefined) comments.set(`${c}.${s}`, comment)
    },
    schemaComment: (name) => comments.get(name.toLowerCase()),
    dropSchema(fullName, force) {
      const name = fullName.toLowerCase()
      if (!schemas.has(name))
        throw new ApiFailure(
          404,
          'SCHEMA_DOES_NOT_EXIST',
          `Schema '${name}' does not exist.`
        )
      const inside = [...tables.keys()].filter((t) => t.startsWith(`${name}.`))
      if (inside.length > 0 && !force)
        throw new ApiFailure(
          400,
          'SCHEMA_NOT_EMPTY',
          `Cannot delete schema '${name}' because it is not empty: it has ${inside.length} tables.`
        )
      for (const t of inside) tables.delete(t)
      schemas.delete(name)
      comments.delete(name)
    },
    table(fullName) {
      const [c, s, t] = split(fullName)
      if (!catalogs.has(c))
        throw new ApiFailure(
          404,
          'CATALOG_DOES_NOT_EXIST',
          `Catalog '${c}' does not exist.`
        )
      if (!schemas.has(`${c}.${s}`))
        throw new ApiFailure(
          404,
          'SCHEMA_DOES_NOT_EXIST',
          `Schema '${c}.${s}' does not exist.`
        )
      const found = tables.get(`${c}.${s}.${t}`)
      if (found === undefined)
        throw new ApiFailure(
          404,
          missingTableCode,
          `Table '${c}.${s}.${t}' does not exist.`
        )
      return found
    },
    hasTable(fullName) {
      const [c, s, t] = split(fullName)
      return tables.has(`${c}.${s}.${t}`)
    },
    putFile(path, size = 1024) {
      ensureDirs(path)
      paths.set(clean(path), { kind: 'file', size, modifiedAt: now() })
    },
    putDirectory(path) {
      ensureDirs(path)
      paths.set(clean(path), { kind: 'directory', size: 0, modifiedAt: now() })
    },
    deletePath(path) {
      const target = clean(path)
      for (const p of [...paths.keys()])
        if (p === target || p.startsWith(`${target}/`)) paths.delete(p)
    },
    path: (path) => paths.get(clean(path)),
    list(path) {
      const dir = clean(path)
      return [...paths]
        .filter(
          ([p]) =>
            p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/')
        )
        .sort(([a], [b]) => (a < b ? -1 : 1))
    }
  }
  return store
}

function clean(path: string): string {
  return path.replace(/^dbfs:/, '').replace(/\/+$/, '') || '/'
}

/** Unity Catalog's `type_name` for a SQL type spelling. */
export function typeName(typeText: string): string {
  const base = typeText
    .trim()
    .toLowerCase()
    .replace(/\(.*$/, '')
    .replace(/<.*$/, '')
  const names: Record<string, string> = {
    bigint: 'LONG',
    long: 'LONG',
    int: 'INT',
    integer: 'INT',
    smallint: 'SHORT',
    tinyint: 'BYTE',
    float: 'FLOAT',
    real: 'FLOAT',
    double: 'DOUBLE',
    decimal: 'DECIMAL',
    numeric: 'DECIMAL',
    string: 'STRING',
    varchar: 'STRING',
    boolean: 'BOOLEAN',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    binary: 'BINARY',
    array: 'ARRAY',
    map: 'MAP',
    struct: 'STRUCT'
  }
  return names[base] ?? base.toUpperCase()
}
