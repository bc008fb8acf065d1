import { randomBytes } from 'node:crypto'
import { link, mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * The write path of a local step. A step never writes its outputs in
 * place: each output goes to `<dir>/.dtflw-staging-<token>/<file>`, a
 * hidden folder next to the target, so it keeps its file name (and
 * extension, which writers read the format from) and sits on the same file
 * system. Only when the notebook succeeded and every output checked out is
 * each one renamed over its target; a failed, cancelled or mis-shaped step
 * leaves every previous table as it was. The staging folders are removed
 * in every case.
 */
export interface StagedOutput {
  /** Absolute path of the target. */
  readonly target: string
  /** Absolute path the step writes to. */
  readonly staged: string
  readonly stagingDir: string
}

/** A staging place for each target; creates the staging folders. */
export async function stageOutputs(
  targets: readonly string[]
): Promise<StagedOutput[]> {
  const token = randomBytes(6).toString('hex')
  const staged = targets.map((target) => {
    const stagingDir = path.join(
      path.dirname(target),
      `.dtflw-staging-${token}`
    )
    return {
      target,
      stagingDir,
      staged: path.join(stagingDir, path.basename(target))
    }
  })
  await Promise.all(staged.map((s) => mkdir(s.stagingDir, { recursive: true })))
  return staged
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p)
    return true
  } catch {
    return false
  }
}

/**
 * Moves a staged output over its target. A file replaces a file in one
 * atomic rename. A folder (Spark's part files) cannot be renamed over a
 * non-empty one, so the previous version is first moved aside into the
 * staging folder, and moved back if the second rename fails. With
 * `keepPrevious`, the previous version is kept there (a second name of
 * a file, the folder itself), for the data diff of a run on a branch;
 * where it cannot be kept (another file system), it is not, and the
 * promotion goes on.
 */
export async function promoteOutput(
  output: StagedOutput,
  keepPrevious?: string
): Promise<void> {
  const targetStat = await stat(output.target).catch(() => undefined)
  const stagedStat = await stat(output.staged)
  if (targetStat && keepPrevious) {
    await mkdir(path.dirname(keepPrevious), { recursive: true })
  }
  if (!targetStat || (!targetStat.isDirectory() && !stagedStat.isDirectory())) {
    if (targetStat && keepPrevious && !targetStat.isDirectory())
      await link(output.target, keepPrevious).catch(() => undefined)
    await rename(output.staged, output.target)
    return
  }
  const kept = keepPrevious
    ? await rename(output.target, keepPrevious).then(
        () => true,
        () => false
      )
    : false
  const aside = kept
    ? keepPrevious!
    : path.join(output.stagingDir, `previous-${path.basename(output.target)}`)
  if (!kept) await rename(output.target, aside)
  try {
    await rename(output.staged, output.target)
  } catch (error) {
    if (!(await exists(output.target))) await rename(aside, output.target)
    throw error
  }
}

/** Removes the staging folders, whatever state the step left them in. */
export async function discardStaging(
  outputs: readonly StagedOutput[]
): Promise<void> {
  const dirs = new Set(outputs.map((o) => o.stagingDir))
  await Promise.all(
    [...dirs].map((dir) => rm(dir, { recursive: true, force: true }))
  )
}
