import {
  DtflwError,
  InterruptedError,
  PlatformError
} from '../../diagnostics/index.js'
import { mapLimit } from '../../io/index.js'
import type { Plan } from '../../flow/index.js'
import type { DeployResult } from '../../report/index.js'
import type { DatabricksClient } from './api/index.js'
import { collectDeployFiles } from './deploy-files.js'
import type { DeployFile, SourceReader } from './deploy-files.js'
import {
  foldersToList,
  nextDeployState,
  pendingDeployState,
  planDeploy,
  type DeployPlan
} from './deploy-plan.js'
import { acquireDeployLock, type HeldLock, type LockHolder } from './lock.js'
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
  /** Who deploys, for the lock; asked only when locking. */
  readonly holder: () => Promise<LockHolder>
  readonly tool: string
  readonly gitSha?: string
  /** Uploads in flight at once. */
  readonly concurrency: number
  readonly now: () => Date
  readonly signal?: AbortSignal
  readonly onProgress?: (message: string) => void
  readonly lockTtlMs?: number
  /** `--force-lock`: take the deploy lock over whoever holds it. */
  readonly forceLock?: boolean
  /** The command line that deploys here again, for the lock's message. */
  readonly command?: string
  /** Decide what would change, write nothing. */
  readonly dryRun?: boolean
  /**
   * dtflw's own notebooks deployed with the plan's (a preview's data
   * diff), under the same state; left out of the promotion hashes.
   */
  readonly extraFiles?: readonly DeployFile[]
}

/** How long releasing the lock may take once the deploy was interrupted. */
const RELEASE_AFTER_INTERRUPT_MS = 5000

/**
 * Deploys a plan's notebooks incrementally: read the state and the folder
 * listings (two requests for a repository whose notebooks share a folder),
 * decide by content hash, and only when something changes take the lock,
 * read and decide again under it (another deploy may have written since),
 * record the uploads as pending, upload in parallel, delete what left the
 * manifest, and write the new state. The state is written after the last
 * upload, so an interrupted deploy re-plans from the old state and the
 * pending record, and uploads only what is still missing. The lock is
 * released on every way out, Ctrl-C and SIGTERM included.
 */
export async function deployNotebooks(
  plan: Plan,
  input: DeployInput
): Promise<DeployResult> {
  const { client, root, signal } = input
  const own = await collectDeployFiles(plan, input.source)
  const local = [...own, ...(input.extraFiles ?? [])]
  const first = await readAndPlan(client, root, local, signal)
  // dtflw's files are deployed as notebooks are, but said apart from them:
  // the counts a user reads are of the repository's notebooks.
  const ours = new Set((input.extraFiles ?? []).map((f) => f.repoPath))
  const theirs = (paths: readonly string[]) => paths.filter((p) => !ours.has(p))
  const result = (decided: DeployPlan, extra: Partial<DeployResult> = {}) =>
    ({
      root,
      uploaded: theirs(decided.upload.map((u) => u.file.repoPath)),
      removed: theirs(decided.remove.map((r) => r.repoPath)),
      unchanged: theirs(decided.unchanged),
      ...(ours.size > 0 ? { ownFiles: [...ours] } : {}),
      hashes: Object.fromEntries(own.map((f) => [f.repoPath, f.hash])),
      ...(input.dryRun ? { dryRun: true } : {}),
      ...extra
    }) satisfies DeployResult
  if (input.dryRun || isEmpty(first.plan)) return result(first.plan)
  // Folders the listings did not find, all at once and before the lock,
  // and dtflw's own folder when there was no state in it: a cold deploy
  // then takes the lock in one request instead of three (creating an empty
  // folder is harmless should the lock be refused).
  await Promise.all(
    [
      ...first.plan.folders.filter((folder) =>
        first.missing.has(canonicalWorkspacePath(folder))
      ),
      ...(first.state === undefined ? [`${root}/${DTFLW_FOLDER}`] : [])
    ].map((folder) => client.workspace.mkdirs(folder, { signal }))
  )
  const lock = await acquireDeployLock(workspaceLockStore(client, root), {
    holder: await input.holder(),
    now: input.now,
    ttlMs: input.lockTtlMs,
    force: input.forceLock,
    breakWith: `${input.command ?? 'dtflw deploy'} --force-lock`,
    signal
  })
  const tookOver = lock.replaced
    ? {
        lockTakenOver: {
          holder: lock.replaced.owner,
          reason: lock.record.tookOver ?? 'expired'
        }
      }
    : {}
  const progress = { done: 0, total: 0 }
  let failure: unknown
  let decided = first.plan
  try {
    // Under the lock, the plan is made again: a deploy that held the lock
    // since our first look may have changed what is there.
    const again = await readAndPlan(client, root, local, signal)
    decided = again.plan
    if (!isEmpty(decided))
      await applyDeployPlan(client, decided, again, local, input, progress)
  } catch (error) {
    failure = error
  }
  const lockNote = await releaseLock(lock, signal, input.command)
  if (signal?.aborted) {
    const reason = String(signal.reason ?? 'SIGINT')
    const done =
      progress.total === 0
        ? 'before any upload'
        : `after ${progress.done} of ${progress.total} uploads; the next deploy uploads the rest`
    throw new InterruptedError(
      reason,
      `dtflw was interrupted (${reason}) while deploying to ${root}, ${done}. ${lockNote ?? 'The deploy lock was released.'}`
    )
  }
  if (failure !== undefined) {
    if (lockNote === undefined) throw failure
    throw new PlatformError(
      `${failure instanceof Error ? failure.message : String(failure)} ${lockNote}`,
      { cause: failure }
    )
  }
  if (lockNote !== undefined) throw new PlatformError(lockNote)
  return result(decided, tookOver)
}

/** What a look at the workspace showed, and the plan made from it. */
interface Look {
  readonly plan: DeployPlan
  readonly state: Awaited<ReturnType<typeof tryReadDeployState>>
  readonly remote: Awaited<ReturnType<typeof listRemote>>['objects']
  readonly missing: ReadonlySet<string>
  readonly folders: readonly string[]
}

/**
 * Reads the state and the notebooks' folders at once (a folder only the
 * old state names, of a notebook that left, is listed after) and plans.
 */
async function readAndPlan(
  client: DatabricksClient,
  root: string,
  local: readonly DeployFile[],
  signal: AbortSignal | undefined
): Promise<Look> {
  const options = { signal }
  const folders = foldersToList(root, local, undefined)
  const [state, first] = await Promise.all([
    tryReadDeployState(client, root, options),
    listRemote(client, folders, options)
  ])
  const extra = foldersToList(root, [], state).filter(
    (f) => !folders.includes(f)
  )
  const more =
    extra.length > 0 ? await listRemote(client, extra, options) : undefined
  const remote = new Map([...first.objects, ...(more?.objects ?? [])])
  return {
    plan: planDeploy(root, local, state, remote),
    state,
    remote,
    missing: first.missing,
    folders
  }
}

/**
 * Does what a plan says: the pending record, the uploads (in parallel,
 * bounded), the deletions, a listing for the new objects' times, and the
 * new state last.
 */
async function applyDeployPlan(
  client: DatabricksClient,
  decided: DeployPlan,
  look: Look,
  local: readonly DeployFile[],
  input: DeployInput,
  progress: { done: number; total: number }
): Promise<void> {
  const { root, signal } = input
  const options = { signal }
  progress.total = decided.upload.length
  if (decided.upload.length > 0) {
    // Folders a deploy since our first look did not leave in place.
    await Promise.all(
      decided.folders
        .filter((folder) => look.missing.has(canonicalWorkspacePath(folder)))
        .map((folder) => client.workspace.mkdirs(folder, options))
    )
    await writeDeployState(
      client,
      root,
      pendingDeployState(
        decided,
        look.state,
        look.remote,
        input.tool,
        input.now()
      ),
      options
    )
  }
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
    progress.done++
    if (total >= 20 && progress.done % Math.ceil(total / 10) === 0) {
      input.onProgress?.(`uploaded ${progress.done}/${total} notebooks`)
    }
  })
  for (const removed of decided.remove) {
    await client.workspace.delete(removed.remotePath, options)
  }
  const after = (await listRemote(client, look.folders, options)).objects
  await writeDeployState(
    client,
    root,
    nextDeployState({
      plan: decided,
      local,
      previous: look.state,
      remote: after,
      tool: input.tool,
      gitSha: input.gitSha,
      at: input.now()
    }),
    options
  )
}

/**
 * Releases the lock whatever happened, never with the deploy's own signal
 * (it may be aborted already); after an interruption within a few
 * seconds, before a CI runner's SIGKILL. Returns what to tell the user
 * when the lock could not be released.
 */
async function releaseLock(
  lock: HeldLock,
  signal: AbortSignal | undefined,
  command: string | undefined
): Promise<string | undefined> {
  try {
    await lock.release(
      signal?.aborted
        ? AbortSignal.timeout(RELEASE_AFTER_INTERRUPT_MS)
        : undefined
    )
    return undefined
  } catch (error) {
    const why =
      error instanceof DtflwError ? error.message : 'it did not answer in time'
    return `The deploy lock ${lock.path} could not be released (${why}); it expires at ${lock.record.expiresAt}, a rerun of this CI run takes it over, or break it with \`${command ?? 'dtflw deploy'} --force-lock\`.`
  }
}

/** Nothing to upload, delete or settle: no lock, no write. */
function isEmpty(plan: DeployPlan): boolean {
  return plan.upload.length === 0 && plan.remove.length === 0 && !plan.settle
}
