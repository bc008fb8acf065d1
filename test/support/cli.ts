import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (where package.json is). */
export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..'
)

/** The built `dtflw` bin, as npm installs it for users. */
export const dtflwBin = path.join(repoRoot, 'bin', 'dtflw.js')

/** What a finished `dtflw` process printed and returned. */
export interface CliRun {
  readonly stdout: string
  readonly stderr: string
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** Runs the built `dtflw` bin in `cwd` with a clean, CI-like environment. */
export function runCli(
  args: readonly string[],
  cwd: string,
  options: {
    env?: Record<string, string>
    onSpawn?: (child: ReturnType<typeof spawn>) => void
    timeoutMs?: number
  } = {}
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [dtflwBin, ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        CI: 'true',
        ...options.env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      options.timeoutMs ?? 60000
    )
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, code, signal })
    })
    options.onSpawn?.(child)
  })
}
