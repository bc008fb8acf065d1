import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

// Every git process dtflw starts is started here, so what it asks git and
// how it reads a refusal is in one place. A git that fails (no repository,
// an unknown ref, no network) is an answer, not an error: each function
// says what it gives instead.

const execGit = promisify(execFile)

/** Runs git in `cwd`; its stdout trimmed, or undefined when git fails. */
async function tryGit(
  cwd: string,
  args: readonly string[],
  timeoutMs?: number
): Promise<string | undefined> {
  try {
    const { stdout } = await execGit('git', [...args], {
      cwd,
      ...(timeoutMs ? { timeout: timeoutMs } : {})
    })
    return stdout.trim()
  } catch {
    return undefined
  }
}

/** The commit being built: `GITHUB_SHA` on a runner, else `git rev-parse HEAD`. */
export async function tryReadGitSha(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<string | undefined> {
  if (env.GITHUB_SHA) return env.GITHUB_SHA
  return (await tryGit(cwd, ['rev-parse', 'HEAD'])) || undefined
}

/** Branches taken as the default one when the remote does not say. */
const DEFAULT_BRANCHES = ['main', 'master']

/**
 * The branch checked out, when it is not the default one (the remote's
 * `HEAD`, else `main` or `master`): work on its way to the default
 * branch. Undefined on the default branch, a detached HEAD (CI checks out
 * pull requests so) and outside a checkout.
 */
export async function tryReadFeatureBranch(
  cwd: string
): Promise<string | undefined> {
  // Both at once: every local run asks, before its first step.
  const [branch, remote] = await Promise.all([
    tryGit(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']),
    tryGit(cwd, ['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD'])
  ])
  if (!branch) return undefined
  const defaults = remote ? [remote.replace(/^origin\//, '')] : DEFAULT_BRANCHES
  return defaults.includes(branch) ? undefined : branch
}

/** The repository's top folder, or undefined outside a git checkout. */
export async function tryGitTopLevel(cwd: string): Promise<string | undefined> {
  return (await tryGit(cwd, ['rev-parse', '--show-toplevel'])) || undefined
}

/** The full sha of the commit a ref names, or undefined when git knows none. */
export async function tryResolveCommit(
  cwd: string,
  ref: string
): Promise<string | undefined> {
  return (
    (await tryGit(cwd, [
      'rev-parse',
      '--verify',
      '--quiet',
      `${ref}^{commit}`
    ])) || undefined
  )
}

/** Whether commit `sha` is `ref` or in its history; false when either is unknown. */
export async function isAncestorCommit(
  cwd: string,
  sha: string,
  ref: string
): Promise<boolean> {
  return (
    (await tryGit(cwd, ['merge-base', '--is-ancestor', sha, ref])) !== undefined
  )
}

/**
 * Makes sure a commit is in the checkout, fetching just it from `origin`
 * when missing (actions/checkout fetches one commit by default, and the
 * lineage diff needs the base too). False when it cannot be had; the
 * caller says so.
 */
export async function ensureCommit(cwd: string, sha: string): Promise<boolean> {
  const has = async () =>
    (await tryGit(cwd, ['cat-file', '-e', `${sha}^{commit}`])) !== undefined
  if (await has()) return true
  const fetched = await tryGit(
    cwd,
    ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha],
    60_000
  )
  return fetched !== undefined && (await has())
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
  if ((await tryResolveCommit(cwd, ref)) === undefined) {
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
