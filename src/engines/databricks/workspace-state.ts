import {
  DatabricksApiError,
  DatabricksNetworkError,
  type CallOptions,
  type DatabricksClient,
  type ObjectInfo
} from './api/index.js'
import type { DeployState, RemoteObject } from './deploy-plan.js'
import type { CreateOutcome, LockStore } from './lock.js'
import {
  LOCK_FILE,
  STATE_FILE,
  canonicalWorkspacePath,
  parentFolder
} from './paths.js'

/** The deploy state of a root, or undefined when nothing was deployed there. */
export async function tryReadDeployState(
  client: DatabricksClient,
  root: string,
  options?: CallOptions
): Promise<DeployState | undefined> {
  const exported = await client.workspace.tryExport(`${root}/${STATE_FILE}`, {
    ...options,
    format: 'AUTO'
  })
  if (!exported) return undefined
  try {
    const state = JSON.parse(
      Buffer.from(exported.content).toString('utf8')
    ) as DeployState
    return state.version === 1 && typeof state.files === 'object'
      ? state
      : undefined
  } catch {
    // A state we cannot read is no state: everything is uploaded again.
    return undefined
  }
}

/**
 * Writes the deploy state in one import: a reader sees the old state or
 * the new one, never a mix.
 */
export async function writeDeployState(
  client: DatabricksClient,
  root: string,
  state: DeployState,
  options?: CallOptions
): Promise<void> {
  // The folder exists: the deploy lock beside it was created first.
  const file = `${root}/${STATE_FILE}`
  await client.workspace.import(
    {
      path: file,
      format: 'AUTO',
      content: `${JSON.stringify(state, null, 2)}\n`,
      overwrite: true
    },
    options
  )
}

/** What folder listings showed: objects by canonical path, and missing folders. */
export interface RemoteListing {
  readonly objects: Map<string, RemoteObject>
  /** Folders that do not exist (canonical paths). */
  readonly missing: Set<string>
}

/** What the listings of `folders` show, by path; a missing folder is empty. */
export async function listRemote(
  client: DatabricksClient,
  folders: readonly string[],
  options?: CallOptions
): Promise<RemoteListing> {
  const remote = new Map<string, RemoteObject>()
  const missing = new Set<string>()
  const listings = await Promise.all(
    folders.map(async (folder) => {
      try {
        return await client.workspace.list(folder, options)
      } catch (error) {
        if (!isNotFound(error)) throw error
        missing.add(canonicalWorkspacePath(folder))
        return [] as readonly ObjectInfo[]
      }
    })
  )
  for (const objects of listings) {
    for (const object of objects) {
      remote.set(canonicalWorkspacePath(object.path), {
        path: object.path,
        ...(object.object_id !== undefined
          ? { objectId: object.object_id }
          : {}),
        ...(object.modified_at !== undefined
          ? { modifiedAt: object.modified_at }
          : {})
      })
    }
  }
  return { objects: remote, missing }
}

/** The deploy lock file of a root, as the lock protocol sees it. */
export function workspaceLockStore(
  client: DatabricksClient,
  root: string
): LockStore {
  const file = `${root}/${LOCK_FILE}`
  return {
    path: file,
    async create(content, signal) {
      const attempt = async (): Promise<CreateOutcome> => {
        try {
          await client.workspace.import(
            { path: file, format: 'AUTO', content, overwrite: false },
            { signal }
          )
          return 'created'
        } catch (error) {
          if (categoryOf(error) === 'conflict') return 'exists'
          // No answer, or one given after the work may have been done: the
          // lock protocol reads the file back to know.
          if (mayHaveActed(error) && !signal?.aborted) return 'unknown'
          throw error
        }
      }
      try {
        return await attempt()
      } catch (error) {
        // The first deploy to a root: its folder is not there yet.
        if (!isNotFound(error)) throw error
        await client.workspace.mkdirs(parentFolder(file), { signal })
        return attempt()
      }
    },
    async read(signal) {
      const exported = await client.workspace.tryExport(file, {
        signal,
        format: 'AUTO'
      })
      return exported
        ? Buffer.from(exported.content).toString('utf8')
        : undefined
    },
    async remove(signal) {
      try {
        await client.workspace.delete(file, { signal })
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
    }
  }
}

/**
 * True for a failure after which a create may have happened: a lost
 * answer (reset, timeout) or a 500, 502 or 504. A 429 or 503 is retried by
 * the client until it gets an answer.
 */
function mayHaveActed(error: unknown): boolean {
  if (error instanceof DatabricksNetworkError)
    return error.failure === 'reset' || error.failure === 'timeout'
  return (
    error instanceof DatabricksApiError &&
    [500, 502, 504].includes(error.status)
  )
}

function categoryOf(error: unknown): string | undefined {
  return (error as { category?: string } | undefined)?.category
}

/** True for the API's "no such object". */
export function isNotFound(error: unknown): boolean {
  return categoryOf(error) === 'not-found'
}
