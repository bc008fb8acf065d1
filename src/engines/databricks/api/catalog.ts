import { DatabricksApiError } from './errors.js'
import type { ApiCall, CallOptions } from './request.js'
import type { TableInfo } from './types.js'

/** Unity Catalog tables. */
export interface CatalogApi {
  /** A table by `catalog.schema.table`; throws `not-found` when missing. */
  getTable(
    fullName: string,
    options?: CallOptions & { readonly includeDeltaMetadata?: boolean }
  ): Promise<TableInfo>
  /**
   * Like `getTable`, `undefined` when the table, its schema or its catalog
   * does not exist. A missing privilege still throws (`permission-denied`).
   */
  tryGetTable(
    fullName: string,
    options?: CallOptions & { readonly includeDeltaMetadata?: boolean }
  ): Promise<TableInfo | undefined>
}

/** The codes a workspace answers for "no such table" (some say NOT_FOUND). */
const MISSING = new Set([
  'TABLE_DOES_NOT_EXIST',
  'NOT_FOUND',
  'SCHEMA_DOES_NOT_EXIST',
  'CATALOG_DOES_NOT_EXIST',
  'RESOURCE_DOES_NOT_EXIST'
])

/** The Unity Catalog tables API over `call`. */
export function createCatalogApi(call: ApiCall): CatalogApi {
  const getTable: CatalogApi['getTable'] = async (fullName, options) => {
    const parts = fullName.split('.')
    return (
      await call({
        method: 'GET',
        path: `/api/2.1/unity-catalog/tables/${encodeURIComponent(fullName)}`,
        query: { include_delta_metadata: options?.includeDeltaMetadata },
        target: `table ${fullName}`,
        hints: {
          permission: `the identity needs USE_CATALOG on ${parts[0]}, USE_SCHEMA on ${parts.slice(0, 2).join('.')} and SELECT on the table (or to own it)`
        },
        signal: options?.signal
      })
    ).data as TableInfo
  }
  return {
    getTable,
    async tryGetTable(fullName, options) {
      try {
        return await getTable(fullName, options)
      } catch (error) {
        if (error instanceof DatabricksApiError && MISSING.has(error.errorCode))
          return undefined
        throw error
      }
    }
  }
}
