import { DatabricksApiError } from './errors.js'
import type { ApiCall, CallOptions } from './request.js'
import type { SchemaInfo, TableInfo } from './types.js'

/** Unity Catalog tables and schemas. */
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
  /** A schema by `catalog.schema`, `undefined` when it does not exist. */
  trySchema(
    fullName: string,
    options?: CallOptions
  ): Promise<SchemaInfo | undefined>
  /**
   * Creates `catalog.schema`; throws `not-found` (`CATALOG_DOES_NOT_EXIST`)
   * when the catalog is missing and `conflict` when the schema exists.
   */
  createSchema(
    request: {
      readonly catalog: string
      readonly name: string
      readonly comment?: string
    },
    options?: CallOptions
  ): Promise<SchemaInfo>
  /**
   * Drops `catalog.schema`; with `force` its tables too (else it must be
   * empty). Throws `not-found` when it does not exist.
   */
  deleteSchema(
    fullName: string,
    options?: CallOptions & { readonly force?: boolean }
  ): Promise<void>
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
  const schemaPath = (fullName: string) =>
    `/api/2.1/unity-catalog/schemas/${encodeURIComponent(fullName)}`
  const schemaHints = (catalog: string) => ({
    permission: `the identity needs USE_CATALOG and CREATE_SCHEMA on ${catalog} (or to own the schema to drop it)`
  })
  return {
    getTable,
    async trySchema(fullName, options) {
      try {
        return (
          await call({
            method: 'GET',
            path: schemaPath(fullName),
            target: `schema ${fullName}`,
            hints: schemaHints(fullName.split('.')[0]),
            signal: options?.signal
          })
        ).data as SchemaInfo
      } catch (error) {
        if (error instanceof DatabricksApiError && MISSING.has(error.errorCode))
          return undefined
        throw error
      }
    },
    async createSchema(request, options) {
      return (
        await call({
          method: 'POST',
          path: '/api/2.1/unity-catalog/schemas',
          body: {
            catalog_name: request.catalog,
            name: request.name,
            ...(request.comment === undefined
              ? {}
              : { comment: request.comment })
          },
          // A second create answers SCHEMA_ALREADY_EXISTS: the caller takes
          // that as done, so a replay after a lost answer is safe.
          idempotent: true,
          target: `schema ${request.catalog}.${request.name}`,
          hints: schemaHints(request.catalog),
          signal: options?.signal
        })
      ).data as SchemaInfo
    },
    async deleteSchema(fullName, options) {
      await call({
        method: 'DELETE',
        path: schemaPath(fullName),
        query: { force: options?.force },
        // Dropping twice answers not-found, which the caller takes as done.
        idempotent: true,
        target: `schema ${fullName}`,
        hints: schemaHints(fullName.split('.')[0]),
        signal: options?.signal
      })
    },
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
