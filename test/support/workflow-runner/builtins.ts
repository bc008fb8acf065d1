import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { interpolate } from './expression.js'
import type { ExpressionScope } from './expression.js'
import type { RunnerWorld, StepDef, Trigger } from './types.js'

// The actions every workflow uses, done as they do it on a runner: what
// they leave behind (a checkout, a Node and a Python on the PATH) is what
// the next steps see.

/** What a step process left. */
export interface Exec {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** `hashFiles()`: a hash of the files that exist, '' for none. */
export function hashFiles(
  workspace: string,
  patterns: readonly string[]
): string {
  const hash = createHash('sha256')
  let any = false
  for (const pattern of patterns) {
    if (/[*?[]/.test(pattern))
      throw new Error(
        `the runner stand-in hashes exact paths only, got ${pattern}`
      )
    const file = path.join(workspace, pattern)
    if (existsSync(file)) {
      hash.update(createHash('sha256').update(readFileSync(file)).digest())
      any = true
    }
  }
  return any ? hash.digest('hex') : ''
}

function git(
  cwd: string,
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * actions/checkout: the commit (`with.ref`, else `GITHUB_SHA`) fetched
 * from the origin at `fetch-depth` (default 1; 0 is every branch and the
 * whole history), checked out detached, as the action leaves it.
 */
export async function checkout(
  workspace: string,
  step: StepDef,
  scope: ExpressionScope,
  trigger: Trigger,
  world: RunnerWorld
) {
  const ref = step.with?.ref
    ? interpolate(String(step.with.ref), scope)
    : trigger.sha
  const depth = Number(step.with?.['fetch-depth'] ?? 1)
  const origin = `file://${world.origin}`
  const log: string[] = []
  const steps: string[][] = [
    ['init', '-q'],
    ['remote', 'add', 'origin', origin],
    depth === 0
      ? [
          'fetch',
          '-q',
          '--no-tags',
          'origin',
          '+refs/heads/*:refs/remotes/origin/*',
          `+${ref}:refs/remotes/origin/checked-out`
        ]
      : [
          'fetch',
          '-q',
          '--no-tags',
          `--depth=${depth}`,
          'origin',
          `+${ref}:refs/remotes/origin/checked-out`
        ],
    ['checkout', '-q', '--detach', 'refs/remotes/origin/checked-out']
  ]
  for (const args of steps) {
    const result = await git(workspace, args)
    log.push(result.stdout, result.stderr)
    if (result.code !== 0)
      return {
        code: result.code,
        stdout: log.join(''),
        stderr: `git ${args.join(' ')} failed`
      }
  }
  return { code: 0, stdout: log.join(''), stderr: '' }
}

/**
 * actions/setup-node: the Node the file or input names must be one this
 * stand-in has (the Node running the tests, 24).
 */
export async function setupNode(workspace: string, step: StepDef) {
  const file = step.with?.['node-version-file']
  const wanted = file
    ? (await readFile(path.join(workspace, String(file)), 'utf8')).trim()
    : String(step.with?.['node-version'] ?? '')
  const major = wanted.replace(/^v/, '').split('.')[0]
  const ours = process.versions.node.split('.')[0]
  if (major !== ours)
    return {
      code: 1,
      stdout: '',
      stderr: `the runner stand-in has Node ${ours}, the workflow asks for ${wanted}`
    }
  return { code: 0, stdout: `Node ${process.version}\n`, stderr: '' }
}

/** actions/setup-python: `python` and `pip` on the PATH, as python3. */
export async function setupPython(tools: string) {
  for (const name of ['python', 'pip']) {
    const shim = path.join(tools, name)
    if (!existsSync(shim)) {
      await writeFile(
        shim,
        name === 'python'
          ? '#!/bin/sh\nexec python3 "$@"\n'
          : '#!/bin/sh\nexec python3 -m pip "$@"\n'
      )
      await chmod(shim, 0o755)
    }
  }
  return { code: 0, stdout: '', stderr: '' }
}

async function lockKey(workspace: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path.join(workspace, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16)
}

/** `npm ci` of a lock already installed: its node_modules, hard-linked. */
export async function restoreNodeModules(cache: string, workspace: string) {
  const kept = path.join(cache, await lockKey(workspace), 'node_modules')
  if (!existsSync(kept)) return undefined
  const result = await new Promise<number | null>((resolve) => {
    const child = spawn('cp', [
      '-al',
      kept,
      path.join(workspace, 'node_modules')
    ])
    child.on('close', resolve)
  })
  return {
    code: result,
    stdout: 'node_modules restored from the cache of this package-lock.json\n',
    stderr: ''
  }
}

/** Keeps what `npm ci` installed, for the next install of the same lock. */
export async function keepNodeModules(cache: string, workspace: string) {
  const target = path.join(cache, await lockKey(workspace))
  if (existsSync(target)) return
  await mkdir(target, { recursive: true })
  await new Promise((resolve) => {
    const child = spawn('cp', [
      '-al',
      path.join(workspace, 'node_modules'),
      target
    ])
    child.on('close', resolve)
  })
}
