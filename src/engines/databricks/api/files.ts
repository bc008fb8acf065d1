import { DatabricksApiError } from './errors.js'
import {
  encodePathSegments,
  type ApiCall,
  type CallOptions
} from './request.js'
import type { DbfsFileInfo, DirectoryPage, FileStatus } from './types.js'

/** The Files API (Unity Catalog volumes) and DBFS status. */
export interface FilesApi {
  /** `HEAD /api/2.0/fs/files{path}`: size and date, `undefined` if absent. */
  tryGetFileStatus(
    path: string,
    options?: CallOptions
  ): Promise<FileStatus | undefined>
  /** `HEAD /api/2.0/fs/directories{path}`: whether the folder exists. */
  directoryExists(path: string, options?: CallOptions): Promise<boolean>
  /** One page of a folder's entries. */
  listDirectory(
    path: string,
    options?: CallOptions & { readonly pageToken?: string }
  ): Promise<DirectoryPage>
  /**
   * `GET /api/2.0/dbfs/get-status` for `dbfs:/…` or `/…`, `undefined` when
   * nothing is there.
   */
  tryGetDbfsStatus(
    path: string,
    options?: CallOptions
  ): Promise<DbfsFileInfo | undefined>
}

/** The Files and DBFS APIs over `call`. */
export function createFilesApi(call: ApiCall): FilesApi {
  const permission =
    'the identity needs READ VOLUME on the volume (USE_CATALOG and USE_SCHEMA above it)'
  return {
    async tryGetFileStatus(path, options) {
      const absolute = requireAbsolute(path)
      try {
        const response = await call({
          method: 'HEAD',
          path: `/api/2.0/fs/files${encodePathSegments(absolute)}`,
          expect: 'none',
          target: absolute,
          hints: { permission },
          signal: options?.signal
        })
        const length = Number(response.headers['content-length'])
        const modified = response.headers['last-modified']
        return {
          path: absolute,
          ...(Number.isFinite(length) ? { content_length: length } : {}),
          ...(modified === undefined ? {} : { last_modified: modified })
        }
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    },
    async directoryExists(path, options) {
      const absolute = requireAbsolute(path)
      try {
        await call({
          method: 'HEAD',
          path: `/api/2.0/fs/directories${encodePathSegments(absolute)}`,
          expect: 'none',
          target: absolute,
          hints: { permission },
          signal: options?.signal
        })
        return true
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
    async listDirectory(path, options) {
      const absolute = requireAbsolute(path)
      const data = (
        await call({
          method: 'GET',
          path: `/api/2.0/fs/directories${encodePathSegments(absolute)}`,
          query: { page_token: options?.pageToken },
          target: absolute,
          hints: { permission },
          signal: options?.signal
        })
      ).data as Partial<DirectoryPage>
      return { ...data, contents: data.contents ?? [] }
    },
    async tryGetDbfsStatus(path, options) {
      const absolute = requireAbsolute(path.replace(/^dbfs:/, ''))
      try {
        return (
          await call({
            method: 'GET',
            path: '/api/2.0/dbfs/get-status',
            query: { path: absolute },
            target: `dbfs:${absolute}`,
            signal: options?.signal
          })
        ).data as DbfsFileInfo
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof DatabricksApiError &&
    (error.status === 404 || error.errorCode === 'RESOURCE_DOES_NOT_EXIST')
  )
}

function requireAbsolute(path: string): string {
  if (!path.startsWith('/'))
    throw new TypeError(`expected an absolute path, got "${path}"`)
  return path.replace(/\/+$/, '') || '/'
}
