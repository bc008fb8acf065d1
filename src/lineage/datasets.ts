import { posix } from 'node:path'
import type { TableLocation } from '../flow/index.js'

/** How OpenLineage identifies a dataset. */
export interface DatasetName {
  readonly namespace: string
  readonly name: string
}

/** What a location alone does not say about where it is. */
export interface DatasetNamingOptions {
  /** Folder that relative local paths are relative to (the manifest's root). */
  readonly baseDir?: string
  /** The Databricks workspace host, for Unity Catalog table namespaces. */
  readonly workspaceHost?: string
}

/**
 * The OpenLineage dataset identity of a location, after the naming
 * conventions (`spec/Naming.md`, `website/docs/spec/naming.md`): the
 * namespace is the data source as `scheme://authority`, the name the path
 * inside it.
 * - local files: `file` and the absolute path;
 * - `abfss://container@account.dfs.core.windows.net/p`, `wasbs://…`,
 *   `s3://bucket/key`, `gs://bucket/key`: `scheme://authority` and the path
 *   without its leading slash (the object key);
 * - `dbfs:/p` and `/Volumes/…`: `dbfs` and the absolute path, as Databricks
 *   runtimes name DBFS paths (the naming table's `hdfs://{workspace}` form
 *   needs a workspace name the plan does not have);
 * - Unity Catalog tables: `databricks://<workspace host>` (or `databricks`
 *   when the host is unknown) and `catalog.schema.table`, as for other
 *   three-level warehouses (Trino, Postgres) in the naming table.
 */
export function datasetName(
  location: TableLocation,
  options: DatasetNamingOptions = {}
): DatasetName {
  if (location.kind === 'table') {
    const host = options.workspaceHost
      ?.replace(/^[a-z]+:\/\//i, '')
      .replace(/\/+$/, '')
    return {
      namespace: host ? `databricks://${host}` : 'databricks',
      name: location.name
    }
  }
  const uri = location.uri
  const dbfs = /^dbfs:\/*(.*)$/i.exec(uri)
  if (dbfs) return { namespace: 'dbfs', name: `/${dbfs[1]}` }
  if (uri.startsWith('/Volumes/')) return { namespace: 'dbfs', name: uri }
  const file = /^file:\/\/[^/]*(\/.*)$/i.exec(uri)
  if (file) return { namespace: 'file', name: decodeURI(file[1]) }
  const remote = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri)
  if (remote) {
    return {
      namespace: `${remote[1].toLowerCase()}://${remote[2]}`,
      name: (remote[3] ?? '').replace(/^\/+/, '')
    }
  }
  const local = uri.replace(/\\/g, '/')
  const absolute =
    local.startsWith('/') || /^[a-z]:\//i.test(local) || !options.baseDir
      ? local
      : posix.join(options.baseDir.replace(/\\/g, '/'), local)
  return { namespace: 'file', name: posix.normalize(absolute) }
}
