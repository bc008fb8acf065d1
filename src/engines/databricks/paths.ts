import path from 'node:path'
import { withoutNotebookExtension } from '../../notebooks/index.js'

/** The folder of dtflw's own files in a deploy root. */
export const DTFLW_FOLDER = '.dtflw'
/** The deploy state: what each notebook's content hash was when uploaded. */
export const STATE_FILE = `${DTFLW_FOLDER}/deploy-state.json`
/** The deploy lock: who deploys to this root right now. */
export const LOCK_FILE = `${DTFLW_FOLDER}/deploy.lock`
/** Where pull-request previews live under a profile's root. */
export const PREVIEWS_FOLDER = 'previews'

/** The folder a deploy writes to: the profile's root, or a preview under it. */
export function deployRoot(root: string, preview?: string): string {
  const base = root.replace(/\/+$/, '')
  return preview ? `${base}/${PREVIEWS_FOLDER}/${preview}` : base
}

/**
 * Where a repository file goes: its path under the root, without the
 * extension, as Databricks stores notebooks (`notebooks/import_data.py` →
 * `<root>/notebooks/import_data`), so `%run ./x` resolves as in the repo.
 */
export function remoteNotebookPath(root: string, repoPath: string): string {
  const posix = repoPath.split(path.sep).join('/')
  return `${root}/${withoutNotebookExtension(posix)}`
}

/** The workspace folder that holds a path. */
export function parentFolder(remotePath: string): string {
  return remotePath.slice(0, remotePath.lastIndexOf('/')) || '/'
}

/**
 * A workspace path as listings show it: `/Workspace/Users/x` and
 * `/Users/x` name the same object, and the API answers without the prefix.
 */
export function canonicalWorkspacePath(remotePath: string): string {
  if (remotePath === '/Workspace') return '/'
  return remotePath.startsWith('/Workspace/')
    ? remotePath.slice('/Workspace'.length)
    : remotePath
}
