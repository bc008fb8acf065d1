import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createBin } from '../generators/support.js'
import { dtflwBin, repoRoot } from '../support/cli.js'
import { nodeBinary } from '../support/node-versions.js'

/**
 * The CLI and the initializer on the maintained LTS lines (22 and 24) and a
 * clear refusal on the end-of-life 20, each with a real Node of that
 * version. This suite runs on 24; the 22 and 20 binaries come from the npm
 * registry and are skipped, saying so, when it is unreachable.
 */
const NODE_22 = '22.23.3'
const NODE_20 = '20.19.5'

const MINUTE = 60_000

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function runWith(
  node: string,
  args: readonly string[],
  cwd: string
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, {
      cwd,
      env: {
        // The Node under test first, for the workers dtflw starts.
        PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? os.tmpdir(),
        CI: 'true'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dtflw-node22-'))
  await cp(path.join(repoRoot, 'examples', 'sales'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return dir
}

describe('Node 22, the older maintained LTS', () => {
  let node: string | undefined
  beforeAll(async () => {
    node = await nodeBinary(NODE_22)
    if (!node) console.warn(`skipped: node@${NODE_22} could not be installed`)
  }, 3 * MINUTE)

  it(
    'runs validate, plan and the sample flow (SQL and Python steps) to the end',
    async () => {
      if (!node) return
      const dir = await sampleCopy()
      const version = await runWith(node, ['--version'], dir)
      expect(version.stdout.trim()).toBe(`v${NODE_22}`)
      const validate = await runWith(node, [dtflwBin, 'validate'], dir)
      expect(validate.code).toBe(0)
      expect(validate.stdout).toContain('Valid: 3 steps and 5 profiles')
      const plan = await runWith(
        node,
        [dtflwBin, 'plan', '--profile', 'development', '--json'],
        dir
      )
      expect(plan.code).toBe(0)
      expect(JSON.parse(plan.stdout).result.plan.steps).toHaveLength(3)
      const run = await runWith(
        node,
        [dtflwBin, 'run', '--profile', 'development'],
        dir
      )
      // Progress goes to stderr; nothing there may be a warning of Node's.
      expect(run.stderr).not.toMatch(/warning|error/i)
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/Run \S+ of sales on development: succeeded/)
    },
    2 * MINUTE
  )

  it(
    'the initializer writes a repository that dtflw on Node 22 validates, and dtflw add extends it',
    async () => {
      if (!node) return
      const work = await mkdtemp(path.join(os.tmpdir(), 'dtflw-init22-'))
      const init = await runWith(
        node,
        [createBin, 'demo', '--yes', '--skip-install'],
        work
      )
      expect(init.stderr).not.toMatch(/warning|error|deprecated/i)
      expect(init.code).toBe(0)
      expect(init.stdout).toContain('Created pipeline demo in demo.')
      const demo = path.join(work, 'demo')
      const validate = await runWith(node, [dtflwBin, 'validate'], demo)
      expect(validate.code).toBe(0)
      const add = await runWith(
        node,
        [dtflwBin, 'add', 'big_days', '--inputs', 'daily_revenue'],
        demo
      )
      expect(add.code).toBe(0)
      expect(await readFile(path.join(demo, 'dtflw.yaml'), 'utf8')).toContain(
        'notebooks/big_days.sql'
      )
    },
    2 * MINUTE
  )
})

describe('Node 20, end of life', () => {
  let node: string | undefined
  beforeAll(async () => {
    node = await nodeBinary(NODE_20)
    if (!node) console.warn(`skipped: node@${NODE_20} could not be installed`)
  }, 3 * MINUTE)

  it('the dtflw bin says in one line which Node to install (exit 2)', async () => {
    if (!node) return
    const run = await runWith(node, [dtflwBin, 'validate'], os.tmpdir())
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      `error: dtflw needs Node.js 22.18+ or 24.11+ (the LTS lines); this is Node.js ${NODE_20}. Install Node.js 24 (e.g. nvm install 24, or from nodejs.org), or run dtflw through an npm script of a repository that lists the "node" package at 24.x as a dev dependency.\n`
    )
  })

  it('the initializer says the same before loading anything (exit 2)', async () => {
    if (!node) return
    const run = await runWith(node, [createBin, 'demo', '--yes'], os.tmpdir())
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `create-dtflw-pipeline needs Node.js 22.18+ or 24.11+ (the LTS lines); this is v${NODE_20}. Install Node.js 24 (e.g. nvm install 24, or from nodejs.org) and run npm init dtflw-pipeline again.\n`
    )
  })
})
