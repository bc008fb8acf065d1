import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import type { Plan } from '../../../flow/index.js'
import { isStale } from './run-lock.js'
import type { LockOwner } from './run-lock.js'
import { resolveLocalTable } from '../tables/index.js'

/** Marks a run's work folder with its owner, so a later run knows it is dead. */
const OWNER_FILE = '.owner'

/**
 * The folder a run locks: the profile's table root when the engine was
 * told it, else the deepest folder holding every output of the plan (the
 * repository's `.dtflw` when the plan writes nothing local).
 */
export function planTableRoot(
  root: string,
  plan: Plan,
  configured?: string
): string {
  if (configured) return path.resolve(root, configured)
  const dirs: string[] = []
  for (const step of plan.steps) {
    for (const output of step.outputs) {
      try {
        dirs.push(path.dirname(resolveLocalTable(root, output.location).path))
      } catch {
        // A remote location: the step fails on it; nothing local to lock.
      }
    }
  }
  if (dirs.length === 0) return path.join(root, '.dtflw')
  let common = dirs[0].split(path.sep)
  for (const dir of dirs.slice(1)) {
    const parts = dir.split(path.sep)
    let i = 0
    while (i < common.length && common[i] === parts[i]) i++
    common = common.slice(0, i)
  }
  return common.join(path.sep) || path.sep
}

/** Writes the owner of this run's work folder. */
export async function claimWorkDir(
  workDir: string,
  owner: LockOwner
): Promise<void> {
  await mkdir(workDir, { recursive: true })
  await writeFile(path.join(workDir, OWNER_FILE), JSON.stringify(owner))
}

/**
 * What a killed run left: staging folders under the table root (the lock
 * is held, so no live run of it writes there) and the work folders of
 * runs whose process is gone. Returns what it removed.
 */
export async function removeLeftovers(
  tableRoot: string,
  runsDir: string,
  currentRunDir: string
): Promise<string[]> {
  const removed: string[] = []
  const entries = await readdir(tableRoot, {
    recursive: true,
    withFileTypes: true
  }).catch(() => [])
  const staging = entries
    .filter((e) => e.isDirectory() && e.name.startsWith('.dtflw-staging-'))
    .map((e) => path.join(e.parentPath, e.name))
    // A staging folder inside another one goes with it.
    .filter(
      (dir, _, all) =>
        !all.some((o) => dir !== o && dir.startsWith(o + path.sep))
    )
  for (const dir of staging) {
    await rm(dir, { recursive: true, force: true })
    removed.push(dir)
  }
  const runs = await readdir(runsDir, { withFileTypes: true }).catch(() => [])
  const host = hostname()
  for (const run of runs) {
    if (!run.isDirectory()) continue
    const runDir = path.join(runsDir, run.name)
    if (runDir === currentRunDir) continue
    const work = path.join(runDir, 'work')
    const owner = await readFile(path.join(work, OWNER_FILE), 'utf8')
      .then((text) => JSON.parse(text) as LockOwner)
      .catch((error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? undefined : ({} as LockOwner)
      )
    const exists = await readdir(work).then(
      () => true,
      () => false
    )
    if (!exists || !isStale(owner, host)) continue
    await rm(work, { recursive: true, force: true })
    removed.push(work)
  }
  return removed
}
