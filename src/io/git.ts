import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The commit being built: `GITHUB_SHA` on a runner, else `git rev-parse HEAD`. */
export async function tryReadGitSha(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<string | undefined> {
  if (env.GITHUB_SHA) return env.GITHUB_SHA
  try {
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd })
    return stdout.trim() || undefined
  } catch {
    return undefined
  }
}

/** The repository's top folder, or undefined outside a git checkout. */
export async function tryGitTopLevel(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], {
      cwd
    })
    return stdout.trim() || undefined
  } catch {
    return undefined
  }
}

/**
 * Writes the tree of `ref` into a new temporary folder and returns the folder
 * that corresponds to `cwd` inside it, so a base version of the pipeline can
 * be loaded with the same code as the working tree.
 */
export async function checkoutRefToTemp(
  cwd: string,
  ref: string
): Promise<{ dir: string; top: string } | { error: string }> {
  const top = await tryGitTopLevel(cwd)
  if (!top) return { error: `${cwd} is not inside a git repository` }
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd
    })
  } catch {
    return {
      error: `git does not know the ref "${ref}" (fetch it first, e.g. git fetch origin ${ref})`
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-base-'))
  await new Promise<void>((resolve, reject) => {
    const archive = execFile('git', ['archive', '--format=tar', ref], {
      cwd: top,
      encoding: 'buffer',
      maxBuffer: 1024 * 1024 * 1024
    })
    const untar = execFile('tar', ['-x', '-C', dir], (error) =>
      error ? reject(error) : resolve()
    )
    archive.stdout?.pipe(untar.stdin!)
    archive.on('error', reject)
  })
  const inside = path.relative(top, cwd)
  return { dir: path.join(dir, inside), top: dir }
}
