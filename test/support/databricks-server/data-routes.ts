import { typeName, type DataStore } from './data-store.js'
import { ApiFailure, invalid, ok, requireString } from './respond.js'
import type { Reply, Route } from './types.js'

/** Unity Catalog tables, the Files API and DBFS get-status over `store`. */
export function dataRoutes(store: DataStore): Route[] {
  const schemaInfo = (catalog: string, name: string) => {
    const comment = store.schemaComment(`${catalog}.${name}`)
    return {
      name,
      catalog_name: catalog,
      full_name: `${catalog}.${name}`,
      owner: 'dtflw@example.com',
      ...(comment === undefined ? {} : { comment })
    }
  }
  return [
    {
      method: 'POST',
      pattern: /^\/api\/2\.1\/unity-catalog\/schemas$/,
      handle: ({ json }) => {
        const catalog = requireString(json, 'catalog_name').toLowerCase()
        const name = requireString(json, 'name').toLowerCase()
        const comment = (json as { comment?: unknown }).comment
        store.addSchema(
          catalog,
          name,
          typeof comment === 'string' ? comment : undefined
        )
        return ok(schemaInfo(catalog, name))
      }
    },
    {
      method: 'GET',
      pattern: /^\/api\/2\.1\/unity-catalog\/schemas\/([^/]+)$/,
      handle: ({ params }) => {
        const full = decodeURIComponent(params[0]).toLowerCase()
        if (!store.hasSchema(full))
          throw new ApiFailure(
            404,
            'SCHEMA_DOES_NOT_EXIST',
            `Schema '${full}' does not exist.`
          )
        const [catalog, name] = full.split('.')
        return ok(schemaInfo(catalog, name))
      }
    },
    {
      method: 'DELETE',
      pattern: /^\/api\/2\.1\/unity-catalog\/schemas\/([^/]+)$/,
      handle: ({ params, query }) => {
        store.dropSchema(
          decodeURIComponent(params[0]),
          query.get('force') === 'true'
        )
        return ok({})
      }
    },
    {
      method: 'GET',
      pattern: /^\/api\/2\.1\/unity-catalog\/tables\/([^/]+)$/,
      handle: ({ params }) =>
        ok(tableInfo(store, decodeURIComponent(params[0])))
    },
    {
      method: 'HEAD',
      pattern: /^\/api\/2\.0\/fs\/files(\/.*)$/,
      handle: ({ params }) => {
        const path = decodePath(params[0])
        const found = store.path(path)
        if (found === undefined || found.kind !== 'file') return { status: 404 }
        return {
          status: 200,
          text: '',
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(found.size),
            'last-modified': new Date(found.modifiedAt).toUTCString()
          }
        }
      }
    },
    {
      method: 'HEAD',
      pattern: /^\/api\/2\.0\/fs\/directories(\/.*)$/,
      handle: ({ params }) => {
        const found = store.path(decodePath(params[0]))
        return { status: found?.kind === 'directory' ? 200 : 404 }
      }
    },
    {
      method: 'GET',
      pattern: /^\/api\/2\.0\/fs\/directories(\/.*)$/,
      handle: ({ params }) => listDirectory(store, decodePath(params[0]))
    },
    {
      method: 'GET',
      pattern: /^\/api\/2\.0\/dbfs\/get-status$/,
      handle: ({ query }) => {
        const path = query.get('path') ?? ''
        if (!path.startsWith('/'))
          throw invalid(`Path must be absolute: ${path}`)
        const found = store.path(path)
        if (found === undefined)
          throw new ApiFailure(
            404,
            'RESOURCE_DOES_NOT_EXIST',
            `No file or directory exists on path ${path}.`
          )
        return ok({
          path,
          is_dir: found.kind === 'directory',
          file_size: found.size,
          modification_time: found.modifiedAt
        })
      }
    }
  ]
}

/** Each `/`-separated segment of a Files API path, percent-decoded. */
function decodePath(encoded: string): string {
  return (
    encoded
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/')
      .replace(/\/+$/, '') || '/'
  )
}

function listDirectory(store: DataStore, path: string): Reply {
  const found = store.path(path)
  if (found === undefined || found.kind !== 'directory')
    throw new ApiFailure(
      404,
      'NOT_FOUND',
      'The directory being accessed is not found.'
    )
  const contents = store.list(path).map(([p, entry]) => ({
    path: entry.kind === 'directory' ? `${p}/` : p,
    name: p.slice(p.lastIndexOf('/') + 1),
    is_directory: entry.kind === 'directory',
    ...(entry.kind === 'file'
      ? { file_size: entry.size, last_modified: entry.modifiedAt }
      : {})
  }))
  return ok(contents.length === 0 ? {} : { contents })
}

function tableInfo(
  store: DataStore,
  fullName: string
): Record<string, unknown> {
  const table = store.table(fullName)
  const [catalog, schema, name] = table.fullName.split('.')
  return {
    name,
    catalog_name: catalog,
    schema_name: schema,
    full_name: table.fullName,
    table_type: table.tableType,
    data_source_format: table.format,
    storage_location: `s3://loopback-metastore/${catalog}/${schema}/${name}`,
    created_at: table.createdAt,
    columns: table.columns.map((column, position) => ({
      name: column.name,
      type_text: column.type,
      type_name: typeName(column.type),
      type_json: JSON.stringify({
        name: column.name,
        type: column.type,
        nullable: true,
        metadata: {}
      }),
      position,
      nullable: true
    }))
  }
}
