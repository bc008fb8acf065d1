import { execFile } from 'node:child_process'
import path from 'node:path'

/** What one step may see inside `sandbox: strict`. */
export interface StrictMounts {
  /** The repository root: read-only, with `.dtflw/` and `.env*` hidden. */
  readonly root: string
  /** Files to hide (present ones only): `.env` files, undeclared sources. */
  readonly hidden: readonly string[]
  /** Folders to show empty: the table root, folders of undeclared sources. */
  readonly hiddenFolders?: readonly string[]
  /** An empty file shown in place of each hidden one. */
  readonly empty: string
  /** The interpreter's folders and the harness: read-only. */
  readonly system: readonly string[]
  /** The step's inputs (files or folders): read-only. */
  readonly readOnly: readonly string[]
  /** The step's staging and private folders: writable. */
  readonly writable: readonly string[]
}

/** System folders every process needs, bound read-only when they exist. */
const SYSTEM_FOLDERS = [
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/etc'
]

/**
 * The `bwrap` arguments of a strict step: a new mount namespace (and user,
 * pid, ipc, uts, cgroup and network namespaces) that sees the system
 * read-only, the repository read-only without its `.dtflw/` folder (other
 * tables, runs, logs), the table root, `.env` files and the sources the
 * step does not declare, the step's inputs read-only, and only its staging
 * and private folders writable. Later binds win, so an input under a
 * hidden folder shows through it. The sandbox dies with the engine
 * (`--die-with-parent`), and every process in it with the step (its own
 * pid namespace).
 */
export function planBwrapArgs(mounts: StrictMounts): string[] {
  const args = [
    '--die-with-parent',
    '--new-session',
    '--unshare-all',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp'
  ]
  for (const folder of SYSTEM_FOLDERS)
    args.push('--ro-bind-try', folder, folder)
  for (const folder of mounts.system) args.push('--ro-bind-try', folder, folder)
  args.push('--ro-bind', mounts.root, mounts.root)
  const dotDtflw = path.join(mounts.root, '.dtflw')
  args.push('--tmpfs', dotDtflw)
  for (const folder of mounts.hiddenFolders ?? []) {
    args.push('--tmpfs', folder)
  }
  // A file in a hidden folder is hidden already: no empty file in its place.
  const folders = [dotDtflw, ...(mounts.hiddenFolders ?? [])]
  for (const file of mounts.hidden) {
    if (folders.some((f) => file.startsWith(f + path.sep))) continue
    args.push('--ro-bind', mounts.empty, file)
  }
  for (const p of mounts.readOnly) args.push('--ro-bind', p, p)
  for (const p of mounts.writable) args.push('--bind', p, p)
  // Read-only once the binds inside have their mount points: a write
  // there fails instead of landing in a throwaway tmpfs.
  for (const folder of folders) args.push('--remount-ro', folder)
  args.push('--chdir', mounts.root)
  return args
}

/**
 * Why `bwrap` cannot sandbox a step on this machine, or undefined when it
 * can: it is missing, or the kernel refuses it the namespaces it needs
 * (unprivileged user namespaces off, or a container without them).
 */
export function probeBwrap(bwrap = 'bwrap'): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      bwrap,
      ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', 'true'],
      { timeout: 10_000 },
      (error, _stdout, stderr) => {
        if (!error) return resolve(undefined)
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return resolve(
            'bwrap is not installed (Debian and Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap)'
          )
        }
        resolve(
          `bwrap cannot create namespaces here: ${String(stderr).trim() || error.message}`
        )
      }
    )
  })
}
