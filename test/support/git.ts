import { execFileSync } from 'node:child_process'

/** Git in a folder, quietly, as a fixed test user (the same sha for the same tree and time). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com'
    }
  }).trim()
}

/** Makes `root` a repository with everything committed on `main`. */
export function commitAll(root: string, message = 'base'): void {
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '-m', message)
}
