import { DatabricksApiError } from './errors.js'
import type { ApiCall, CallOptions } from './request.js'
import type {
  ObjectInfo,
  WorkspaceExport,
  WorkspaceFormat,
  WorkspaceImport
} from './types.js'

/** Workspace API 2.0: notebooks, files and folders by absolute path. */
export interface WorkspaceApi {
  /**
   * Imports a notebook or file. Without `overwrite` an existing object is
   * a `conflict` error (`RESOURCE_ALREADY_EXISTS`) and the call is never
   * retried; with it the call is idempotent and retried. A missing parent
   * folder is `not-found`: create it with `mkdirs` first.
   */
  import(request: WorkspaceImport, options?: CallOptions): Promise<void>
  /** Creates a folder and its parents; succeeds when it exists. */
  mkdirs(path: string, options?: CallOptions): Promise<void>
  /** The object at `path`; throws `not-found` when there is none. */
  getStatus(path: string, options?: CallOptions): Promise<ObjectInfo>
  /** The object at `path`, or `undefined` when there is none. */
  tryGetStatus(
    path: string,
    options?: CallOptions
  ): Promise<ObjectInfo | undefined>
  /** The children of a folder (`[]` when empty); `not-found` if missing. */
  list(path: string, options?: CallOptions): Promise<readonly ObjectInfo[]>
  /** Deletes an object; a non-empty folder needs `recursive` (not atomic). */
  delete(
    path: string,
    options?: CallOptions & { readonly recursive?: boolean }
  ): Promise<void>
  /** A notebook's source or a file's bytes (default format `SOURCE`). */
  export(
    path: string,
    options?: CallOptions & { readonly format?: WorkspaceFormat }
  ): Promise<WorkspaceExport>
  /** Like `export`, `undefined` when the object does not exist. */
  tryExport(
    path: string,
    options?: CallOptions & { readonly format?: WorkspaceFormat }
  ): Promise<WorkspaceExport | undefined>
}

const BASE = '/api/2.0/workspace'

const WRITE_PERMISSION =
  'the identity needs CAN_MANAGE (or CAN_EDIT) on the folder; grant it in the workspace or choose a workspace.root it owns'
const READ_PERMISSION =
  'the identity needs CAN_READ on the object; grant it in the workspace'

/** The Workspace API over `call`. */
export function createWorkspaceApi(call: ApiCall): WorkspaceApi {
  const getStatus = async (path: string, options?: CallOptions) =>
    (
      await call({
        method: 'GET',
        path: `${BASE}/get-status`,
        query: { path },
        target: path,
        hints: { permission: READ_PERMISSION },
        signal: options?.signal
      })
    ).data as ObjectInfo
  const exportObject = async (
    path: string,
    options?: CallOptions & { readonly format?: WorkspaceFormat }
  ): Promise<WorkspaceExport> => {
    const data = (
      await call({
        method: 'GET',
        path: `${BASE}/export`,
        query: { path, format: options?.format ?? 'SOURCE' },
        target: path,
        hints: { permission: READ_PERMISSION },
        signal: options?.signal
      })
    ).data as { content?: string; file_type?: string }
    return {
      content: Buffer.from(data.content ?? '', 'base64'),
      ...(data.file_type === undefined ? {} : { file_type: data.file_type })
    }
  }
  return {
    async import(request, options) {
      const content =
        typeof request.content === 'string'
          ? Buffer.from(request.content, 'utf8')
          : Buffer.from(request.content)
      const overwrite = request.overwrite === true
      await call({
        method: 'POST',
        path: `${BASE}/import`,
        body: {
          path: request.path,
          format: request.format,
          ...('language' in request ? { language: request.language } : {}),
          content: content.toString('base64'),
          overwrite
        },
        idempotent: overwrite,
        target: request.path,
        hints: {
          notFound:
            'its parent folder does not exist; create it with mkdirs first',
          conflict: 'import it with overwrite, or delete it first',
          permission: WRITE_PERMISSION
        },
        signal: options?.signal
      })
    },
    async mkdirs(path, options) {
      await call({
        method: 'POST',
        path: `${BASE}/mkdirs`,
        body: { path },
        idempotent: true,
        target: path,
        hints: {
          conflict: 'a notebook or file is in the way of that folder',
          permission: WRITE_PERMISSION
        },
        signal: options?.signal
      })
    },
    getStatus,
    async tryGetStatus(path, options) {
      return orUndefined(getStatus(path, options))
    },
    async list(path, options) {
      const data = (
        await call({
          method: 'GET',
          path: `${BASE}/list`,
          query: { path },
          target: path,
          hints: {
            notFound: 'the folder is missing, or the identity may not read it',
            permission: READ_PERMISSION
          },
          signal: options?.signal
        })
      ).data as { objects?: ObjectInfo[] }
      return data.objects ?? []
    },
    async delete(path, options) {
      await call({
        method: 'POST',
        path: `${BASE}/delete`,
        body: { path, recursive: options?.recursive === true },
        idempotent: true,
        target: path,
        hints: {
          conflict: 'the folder is not empty; delete it with recursive',
          permission: WRITE_PERMISSION
        },
        signal: options?.signal
      })
    },
    export: exportObject,
    async tryExport(path, options) {
      return orUndefined(exportObject(path, options))
    }
  }
}

/** Resolves a workspace call to `undefined` when its object is missing. */
async function orUndefined<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise
  } catch (error) {
    if (
      error instanceof DatabricksApiError &&
      error.errorCode === 'RESOURCE_DOES_NOT_EXIST'
    )
      return undefined
    throw error
  }
}
