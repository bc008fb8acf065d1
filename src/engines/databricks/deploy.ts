import { mapLimit } from '../../io/index.js'
import type { Plan } from '../../flow/index.js'
import type { DeployResult } from '../../report/index.js'
import type { DatabricksClient } from './api/index.js'
import { collectDeployFiles } from './deploy-files.js'
import type { SourceReader } from './deploy-files.js'
import { foldersToList, nextDeployState, planDeploy } from './deploy-plan.js'
import { acquireDeployLock } from './lock.js'
import { canonicalWorkspacePath, DTFLW_FOLDER } from './paths.js'
import {
  listRemote,
  tryReadDeployState,
  workspaceLockStore,
  writeDeployState
} from './workspace-state.js'

/** What a deploy needs besides the plan. */
export interface DeployInput {
  readonly client: DatabricksClient
  /** The folder to deploy to (the profile's root, or a preview under it). */
  readonly root: string
  readonly source: SourceReader
  /** Who deploys, for the lock (identity and CI run); asked only when locking. */
  readonly owner: () => Promise<string>
  readonly tool: string
  readonly gitSha?: string
  /** Uploads in flight at once. */
  readonly concurrency: number
  readonly now: () => Date
  readonly signal?: AbortSignal
  readonly onProgress?: (message: string) => void
  readonly lockTtlMs?: number
  /** Decide what would change, write nothing. */
  readonly dryRun?: boolean
}

/**
 * Deploys a plan's notebooks incrementally: read the state and the folder
 * listings (two requests for a repository whose notebooks share a folder),
 * decide by content hash, and only when something changes take the lock,
 * upload in parallel, delete what left the manifest, and write the new
 * state. State is written after the last upload, so an interrupted deploy
 * re-plans from the old state and uploads what is still missing.
 */
export async function deployNotebooks(
  plan: Plan,
  input: DeployInput
): Promise<DeployResult> {
  const { client, root, signal } = input
  const options = { signal }
  const local = await collectDeployFiles(plan, input.source)
  // The state and the notebooks' folders are read at once; a folder only
  // the old state names (a notebook that left) is listed after.
  const localFolders = foldersToList(root, local, undefined)
  const [state, first] = await Promise.all([
    tryReadDeployState(client, root, options),
    listRemote(client, localFolders, options)
  ])
  const extra = foldersToList(root, [], state).filter(
    (f) => !localFolders.includes(f)
  )
  const more =
    extra.length > 0 ? await listRemote(client, extra, options) : undefined
  const remote = new Map([...first.objects, ...(more?.objects ?? [])])
  const decided = planDeploy(root, local, state, remote)
  const result = (requests?: number): DeployResult => ({
    root,
    uploaded: decided.upload.map((u) => u.file.repoPath),
    removed: decided.remove.map((r) => r.repoPath),
    unchanged: [...decided.unchanged],
    hashes: Object.fromEntries(local.map((f) => [f.repoPath, f.hash])),
    ...(input.dryRun ? { dryRun: true } : {}),
    ...(requests !== undefined ? { requests } : {})
  })
  if (
    input.dryRun ||
    (decided.upload.length === 0 && decided.remove.length === 0)
  ) {
    return result()
  }
  // Folders the listings did not find, all at once and before the lock: a
  // cold deploy then takes the lock in one request instead of three
  // (creating an empty folder is harmless should the lock be refused).
  const rootMissing = first.missing.has(canonicalWorkspacePath(root))
  await Promise.all(
    [
      ...decided.folders.filter((folder) =>
        first.missing.has(canonicalWorkspacePath(folder))
      ),
      ...(rootMissing ? [`${root}/${DTFLW_FOLDER}`] : [])
    ].map((folder) => client.workspace.mkdirs(folder, options))
  )
  const lock = await acquireDeployLock(
    workspaceLockStore(client, root, options),
    {
      where: root,
      owner: await input.owner(),
      now: input.now,
      ttlMs: input.lockTtlMs
    }
  )
  try {
    let done = 0
    const total = decided.upload.length
    await mapLimit(decided.upload, input.concurrency, async (upload) => {
      const { file } = upload
      await client.workspace.import(
        file.format === 'JUPYTER'
          ? {
              path: upload.remotePath,
              format: 'JUPYTER',
              content: file.content,
              overwrite: true
            }
          : {
              path: upload.remotePath,
              format: 'SOURCE',
              language: file.language,
              content: file.content,
              overwrite: true
            },
        options
      )
      done++
      if (total >= 20 && done % Math.ceil(total / 10) === 0) {
        input.onProgress?.(`uploaded ${done}/${total} notebooks`)
      }
    })
    for (const removed of decided.remove) {
      await client.workspace.delete(removed.remotePath, options)
    }
    const after = (await listRemote(client, localFolders, options)).objects
    await writeDeployState(
      client,
      root,
      nextDeployState({
        plan: decided,
        local,
        previous: state,
        remote: after,
        tool: input.tool,
        gitSha: input.gitSha,
        at: input.now()
      }),
      options
    )
  } finally {
    await lock.release()
  }
  return result()
}
