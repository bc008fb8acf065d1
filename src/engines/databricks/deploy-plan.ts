import type { DeployFile } from './deploy-files.js'
import {
  canonicalWorkspacePath,
  parentFolder,
  remoteNotebookPath
} from './paths.js'

/** What the deploy state remembers of one uploaded notebook. */
export interface DeployedFile {
  readonly hash: string
  /** The workspace object it became, to notice edits behind our back. */
  readonly objectId?: number
  readonly modifiedAt?: number
}

/**
 * The deploy state, kept in the workspace next to the notebooks (not on the
 * machine that deployed), so a fresh CI checkout knows what is there.
 */
export interface DeployState {
  readonly version: 1
  readonly tool: string
  /** When the last deploy finished (cleanup --stale reads it). */
  readonly deployedAt: string
  readonly gitSha?: string
  /** By repository path. */
  readonly files: Readonly<Record<string, DeployedFile>>
  /**
   * Uploads a deploy started and may not have finished (written before the
   * first upload, dropped with the state written after the last): the hash
   * each notebook was being given, and its modification time before (none
   * when it did not exist). A notebook whose time changed since was
   * written by that deploy, so a deploy that takes over the lock of a
   * killed one uploads only what it did not.
   */
  readonly pending?: Readonly<Record<string, PendingUpload>>
}

/** One upload a deploy started. */
export interface PendingUpload {
  readonly hash: string
  /** The object's modification time before the upload. */
  readonly was?: number
}

/** A workspace object as a folder listing shows it. */
export interface RemoteObject {
  readonly path: string
  readonly objectId?: number
  readonly modifiedAt?: number
}

/** Why a notebook is uploaded. */
export type UploadReason =
  'new' | 'changed' | 'missing in the workspace' | 'changed in the workspace'

/** What a deploy must do, decided before any write. */
export interface DeployPlan {
  readonly root: string
  readonly upload: readonly {
    readonly file: DeployFile
    readonly remotePath: string
    readonly reason: UploadReason
  }[]
  /** Repository paths whose notebooks left the manifest. */
  readonly remove: readonly { repoPath: string; remotePath: string }[]
  readonly unchanged: readonly string[]
  /** Folders the uploads need, parents before children. */
  readonly folders: readonly string[]
  /**
   * The state still has pending uploads of an interrupted deploy: even
   * with nothing to upload, a new state is written to settle them.
   */
  readonly settle: boolean
}

/**
 * Decides a deploy from content hashes, not timestamps (DABs compares
 * mtimes, so every CI checkout re-uploads everything). A notebook is
 * uploaded when it is new, its content changed, it is missing from the
 * workspace (a folder deleted behind our back, cli#1976) or it was edited
 * there (its modification time is not the one recorded); a notebook the
 * state lists and the manifest no longer does is removed. `remote` maps
 * workspace paths to what the listing showed.
 */
export function planDeploy(
  root: string,
  local: readonly DeployFile[],
  state: DeployState | undefined,
  remote: ReadonlyMap<string, RemoteObject>
): DeployPlan {
  const upload: DeployPlan['upload'][number][] = []
  const unchanged: string[] = []
  for (const file of local) {
    const remotePath = remoteNotebookPath(root, file.repoPath)
    const there = remote.get(canonicalWorkspacePath(remotePath))
    const before = recordOf(state, file.repoPath, there)
    let reason: UploadReason | undefined
    if (!before) reason = 'new'
    else if (before.hash !== file.hash) reason = 'changed'
    else if (!there) reason = 'missing in the workspace'
    else if (
      before.modifiedAt !== undefined &&
      there.modifiedAt !== undefined &&
      before.modifiedAt !== there.modifiedAt
    ) {
      reason = 'changed in the workspace'
    }
    if (reason) upload.push({ file, remotePath, reason })
    else unchanged.push(file.repoPath)
  }
  const kept = new Set(local.map((f) => f.repoPath))
  const remove = knownPaths(state)
    .filter((repoPath) => !kept.has(repoPath))
    .sort()
    .map((repoPath) => ({
      repoPath,
      remotePath: remoteNotebookPath(root, repoPath)
    }))
    .filter((r) => remote.has(canonicalWorkspacePath(r.remotePath)))
  const folders = [
    ...new Set(upload.map((u) => parentFolder(u.remotePath)))
  ].sort()
  const settle = Object.keys(state?.pending ?? {}).length > 0
  return { root, upload, remove, unchanged, folders, settle }
}

/** Every notebook a state knows: deployed, or being uploaded. */
function knownPaths(state: DeployState | undefined): string[] {
  return [
    ...new Set([
      ...Object.keys(state?.files ?? {}),
      ...Object.keys(state?.pending ?? {})
    ])
  ]
}

/**
 * What the state says was deployed at a path: the pending upload when the
 * workspace shows it happened (the object's time is no longer the one it
 * had before), else the last completed deploy's record.
 */
function recordOf(
  state: DeployState | undefined,
  repoPath: string,
  there: RemoteObject | undefined
): DeployedFile | undefined {
  const pending = state?.pending?.[repoPath]
  if (
    pending &&
    there?.modifiedAt !== undefined &&
    there.modifiedAt !== pending.was
  )
    return { hash: pending.hash, modifiedAt: there.modifiedAt }
  return state?.files[repoPath]
}

/**
 * The state written before the uploads of `plan`: the last state's
 * records, and each upload as pending with the object's time before it.
 */
export function pendingDeployState(
  plan: DeployPlan,
  previous: DeployState | undefined,
  remote: ReadonlyMap<string, RemoteObject>,
  tool: string,
  at: Date
): DeployState {
  const files: Record<string, DeployedFile> = {}
  for (const repoPath of knownPaths(previous)) {
    const there = remote.get(
      canonicalWorkspacePath(remoteNotebookPath(plan.root, repoPath))
    )
    const record = recordOf(previous, repoPath, there)
    if (record) files[repoPath] = record
  }
  const pending: Record<string, PendingUpload> = {}
  for (const upload of plan.upload) {
    const was = remote.get(canonicalWorkspacePath(upload.remotePath))
    pending[upload.file.repoPath] = {
      hash: upload.file.hash,
      ...(was?.modifiedAt === undefined ? {} : { was: was.modifiedAt })
    }
  }
  return {
    version: 1,
    tool,
    deployedAt: previous?.deployedAt ?? at.toISOString(),
    ...(previous?.gitSha ? { gitSha: previous.gitSha } : {}),
    files,
    pending
  }
}

/** The folders whose listings `planDeploy` needs: those of every notebook. */
export function foldersToList(
  root: string,
  local: readonly DeployFile[],
  state: DeployState | undefined
): string[] {
  const paths = [...local.map((f) => f.repoPath), ...knownPaths(state)]
  return [
    ...new Set(paths.map((p) => parentFolder(remoteNotebookPath(root, p))))
  ].sort()
}

/** The state after a deploy: what was uploaded and what was already there. */
export function nextDeployState(input: {
  readonly plan: DeployPlan
  readonly local: readonly DeployFile[]
  readonly previous: DeployState | undefined
  /** Listings after the uploads, for object ids and modification times. */
  readonly remote: ReadonlyMap<string, RemoteObject>
  readonly tool: string
  readonly gitSha?: string
  readonly at: Date
}): DeployState {
  const files: Record<string, DeployedFile> = {}
  for (const file of input.local) {
    const remotePath = remoteNotebookPath(input.plan.root, file.repoPath)
    const there = input.remote.get(canonicalWorkspacePath(remotePath))
    files[file.repoPath] = {
      hash: file.hash,
      ...(there?.objectId !== undefined ? { objectId: there.objectId } : {}),
      ...(there?.modifiedAt !== undefined
        ? { modifiedAt: there.modifiedAt }
        : {})
    }
  }
  return {
    version: 1,
    tool: input.tool,
    deployedAt: input.at.toISOString(),
    ...(input.gitSha ? { gitSha: input.gitSha } : {}),
    files
  }
}
