import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Makes sure a commit is in the checkout, fetching just it when missing
 * (actions/checkout fetches one commit by default, and the lineage diff
 * needs the base too). False when it cannot be had; the caller says so.
 */
export async function ensureCommit(cwd: string, sha: string): Promise<boolean> {
  const has = async (): Promise<boolean> => {
    try {
      await run('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd })
      return true
    } catch {
      return false
    }
  }
  if (await has()) return true
  try {
    await run(
      'git',
      ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha],
      { cwd, timeout: 60_000 }
    )
  } catch {
    return false
  }
  return has()
}
