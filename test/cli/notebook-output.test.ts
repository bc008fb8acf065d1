import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { git } from '../support/git.js'
import { runCli } from '../support/cli.js'
import {
  startDatabricksServer,
  type DatabricksServer
} from '../support/databricks-server/index.js'
import {
  startGitHubServer,
  WRITE_TOKEN,
  type GitHubServer
} from '../support/github-server/index.js'
import { repoOf, type Repo } from '../engines/databricks/support.js'
import {
  actionCheckout,
  pullRequestEvent,
  runActionStep,
  runnerFiles
} from '../action/support.js'

// What a notebook hands back is data, never a command: line breaks,
// terminal escapes and GitHub workflow commands (at a line start, and the
// legacy `##[…]` anywhere), in an exit value of 5 MB and in an error.
const HOSTILE =
  'line1\n::add-mask::PWNED\r::stop-commands::PWNED\n  ::warning::PWNED ##[error]PWNED \x1b]0;PWNED\x07\x1b[2J\u202eDENWP'
const BIG = 5 * 1024 * 1024

const PROJECT = {
  'dtflw.yaml': [
    'pipeline: loud',
    'flow:',
    '  - notebook: notebooks/shout.py',
    '  - notebook: notebooks/fail.py',
    ''
  ].join('\n'),
  'profiles/development.yaml': [
    'engine: local',
    'tables: { layout: path, root: .dtflw/data/dev }',
    ''
  ].join('\n'),
  'profiles/test.yaml': [
    'engine: databricks',
    'workspace: { host: "${DATABRICKS_HOST}", root: /Workspace/Shared/loud }',
    'compute: { serverless: true }',
    'tables: { layout: catalog, catalog: c, schema: s }',
    ''
  ].join('\n'),
  '.gitignore': '.dtflw/\n',
  'notebooks/shout.py': [
    '# Databricks notebook source',
    `HOSTILE = ${JSON.stringify(HOSTILE)}`,
    'print(HOSTILE)',
    `dbutils.notebook.exit(HOSTILE + "x" * ${BIG})`,
    ''
  ].join('\n'),
  'notebooks/fail.py': [
    '# Databricks notebook source',
    `raise ValueError(${JSON.stringify(HOSTILE)} + "y" * 100000)`,
    ''
  ].join('\n')
}

/** Lines as the Actions runner reads them: at \n, \r and \r\n. */
const lines = (text: string) => text.split(/\r\n|\r|\n/)

/** What would make the runner or a terminal act on a notebook's text. */
function commandsIn(text: string, own: RegExp = /^$/): string[] {
  return lines(text).filter(
    (line) =>
      ((/^[\s\u0085]*::/.test(line) && !own.test(line)) ||
        line.includes('##[') ||
        // eslint-disable-next-line no-control-regex
        /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/.test(line)) &&
      line.includes('PWNED')
  )
}

let databricks: DatabricksServer
let github: GitHubServer
let repo: Repo

beforeAll(async () => {
  databricks = await startDatabricksServer({ defaultDurationMs: 20 })
  github = await startGitHubServer()
  repo = await repoOf(PROJECT)
  git(repo.root, 'init', '-q', '-b', 'main')
  git(repo.root, 'add', '-A')
  git(repo.root, 'commit', '-q', '-m', 'base')
})
afterAll(async () => {
  await databricks.close()
  await github.close()
  await repo.remove()
})

describe("a notebook's exit value and error", () => {
  it('are shown escaped and cut on the terminal, kept bounded in the report, and never start a workflow command', async () => {
    const text = await runCli(['run', '--profile', 'development'], repo.root)
    const json = await runCli(
      ['run', '--profile', 'development', '--json'],
      repo.root
    )
    expect([text.code, json.code]).toEqual([1, 1])
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr]) {
      expect(commandsIn(out)).toEqual([])
    }
    expect(text.stdout.length + text.stderr.length).toBeLessThan(5_000)
    // --json prints the report's bounded copies: 64 KiB of the exit
    // value, the end of the traceback.
    expect(json.stdout.length).toBeLessThan(200_000)
    expect(text.stdout).toContain(
      'exit: line1\\n::add-mask::PWNED\\r::stop-commands::PWNED\\n  ::warning::PWNED #\\x23[error]PWNED \\x1b]0;PWNED\\x07\\x1b[2J\\u202eDENWP'
    )
    expect(text.stdout).toMatch(
      /exit: line1\\n.{100,250}… \(5,242,\d{3} more characters\)/
    )
    // Python's error is the exception's lines joined in one, cut too.
    expect(text.stdout).toMatch(
      /FAILED +fail .*: ValueError: line1 ::add-mask::PWNED\\r::stop-commands::PWNED ::warning::PWNED #\\x23\[error\]PWNED \\x1b.*y… \(\d,\d{3} more characters\)\n/
    )
    expect(text.stderr).toMatch(
      /failed +fail [\d.]+s: .*::warning::PWNED #\\x23\[error\].*y… \(/
    )

    const report = JSON.parse(json.stdout).result
    const shout = report.steps[0]
    expect(shout.exitValue).toHaveLength(65_536)
    expect(shout.exitValue.startsWith(HOSTILE)).toBe(true)
    expect(shout.exitValueLength).toBe(HOSTILE.length + BIG)
    expect(report.steps[1].error.message.length).toBeLessThan(4_200)

    // The files keep the bounded copy; the event log has no 5 MB line.
    const runDir = path.join(repo.root, '.dtflw/runs', report.runId)
    const stored = JSON.parse(
      await readFile(path.join(runDir, 'report.json'), 'utf8')
    )
    expect(stored.steps[0].exitValueLength).toBe(HOSTILE.length + BIG)
    const events = await readFile(path.join(runDir, 'events.jsonl'), 'utf8')
    for (const line of events.split('\n')) {
      expect(line.length).toBeLessThan(80_000)
    }
    expect(await readdir(path.join(runDir, 'logs'))).toEqual([
      'fail.log',
      'shout.log'
    ])
  }, 120_000)

  it('from Databricks, through the Action: the CI log gets no workflow command from them', async () => {
    databricks.setBehaviour((task) =>
      task.taskKey === 'shout'
        ? { exitValue: `${HOSTILE}${'x'.repeat(BIG)}` }
        : {
            outcome: 'failure',
            error: `ValueError: ${HOSTILE}`,
            errorTrace: `Traceback\n${HOSTILE}`
          }
    )
    const head = git(repo.root, 'rev-parse', 'HEAD')
    const runner = await runnerFiles(
      pullRequestEvent({ number: 8, baseSha: head, headSha: head }),
      'pull_request'
    )
    const step = await runActionStep({
      checkout: await actionCheckout(),
      entry: 'index',
      workspace: repo.root,
      runner,
      inputs: { command: 'run', profile: 'test', 'github-token': WRITE_TOKEN },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_RUN_ID: '88',
        DATABRICKS_HOST: databricks.url,
        DATABRICKS_TOKEN: databricks.token,
        DTFLW_DATABRICKS_POLL_MS: '10'
      }
    })
    expect(step.code).toBe(1)
    // The Action's own commands: masks, and the step's failure.
    const own = /^::(add-mask::|error::dtflw failed: fail: ValueError: line1)/
    expect(commandsIn(step.stdout, own)).toEqual([])
    expect(commandsIn(step.stderr)).toEqual([])
    for (const line of lines(step.stdout)) {
      if (/^\s*::/.test(line)) expect(line).toMatch(own)
    }
    // Databricks' error is cut to its first line; the exit value is not
    // shown in the log.
    expect(step.stdout).toMatch(/failed +fail [\d.]+s: ValueError: line1\n/)
    expect(step.stdout.length).toBeLessThan(5_000)
    // What a machine reads keeps a bounded copy.
    expect(step.outputs.error.length).toBeLessThan(4_200)
    const report = JSON.parse(await readFile(step.outputs.report, 'utf8'))
    expect(report.steps[0].exitValue).toHaveLength(65_536)
    // Databricks returns the first 5 MB of an exit value.
    expect(report.steps[0].exitValueLength).toBeGreaterThan(5_000_000)
  }, 120_000)
})
