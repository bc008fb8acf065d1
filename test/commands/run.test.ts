import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { runCommand } from '../../src/commands/index.js'
import type {
  CommandDeps,
  CommandName,
  CommandResult,
  RequestDraft
} from '../../src/commands/index.js'
import { readEventLog } from '../../src/report/index.js'
import type { RunEvent } from '../../src/report/index.js'
import { copySalesProject } from '../support/sales-project.js'
import type { SalesProject } from '../support/sales-project.js'

let project: SalesProject | undefined
afterEach(async () => {
  await project?.remove()
  project = undefined
})

async function sales(): Promise<SalesProject> {
  project = await copySalesProject()
  return project
}

function request(
  root: string,
  command: CommandName,
  extra: Partial<RequestDraft> = {}
): RequestDraft {
  return { command, manifest: 'dtflw.yaml', cwd: root, ...extra }
}

function deps(extra: Partial<CommandDeps> = {}): CommandDeps {
  return { env: {}, toolVersion: 'test', cores: 2, ...extra }
}

const summaries = (result: CommandResult) =>
  result.diagnostics.map((d) => `${d.severity}: ${d.summary}`)

describe('the run command', () => {
  it('deploys, runs and writes one report and one event log per run', async () => {
    const { root } = await sales()
    const events: RunEvent[] = []
    const result = await runCommand(
      request(root, 'run', { profile: 'development' }),
      deps({ onEvent: (e) => events.push(e) })
    )
    expect(result.exitCode).toBe(0)
    const data = result.data as Extract<CommandResult['data'], { kind: 'run' }>
    expect(data.reportPath).toBe(
      path.join('.dtflw', 'runs', data.report.runId, 'report.json')
    )
    expect(data.report.deployedRoot).toBe(root)
    const saved = JSON.parse(
      await readFile(path.join(root, data.reportPath), 'utf8')
    )
    expect(saved).toEqual(data.report)
    const types = events.map((e) => e.type)
    expect(types.slice(0, 3)).toEqual([
      'deploy-started',
      'deploy-finished',
      'run-started'
    ])
    expect(types.at(-1)).toBe('run-finished')
    const logged = await readEventLog(
      path.join(root, '.dtflw/runs', data.report.runId, 'events.jsonl')
    )
    expect(logged.map((r) => r.type)).toEqual(types)
    expect(await readdir(path.join(root, '.dtflw/runs'))).toEqual(
      expect.arrayContaining([data.report.runId, 'latest'])
    )
  })

  it('shows a secret as *** in the report and event log, and hands the notebook the real value', async () => {
    const { root, write, read } = await sales()
    // The year the gold notebook filters on, from a variable that looks
    // secret: the notebook must get 2022 itself, the files only "***".
    const canary = '2022'
    await write(
      'profiles/development.yaml',
      `${await read('profiles/development.yaml')}variables:\n  year: "\${SHOP_API_TOKEN}"\n`
    )
    const secrets: string[] = []
    const result = await runCommand(
      request(root, 'run', { profile: 'development' }),
      deps({
        env: { SHOP_API_TOKEN: canary },
        onSecret: (value) => secrets.push(value)
      })
    )
    expect(result.exitCode).toBe(0)
    expect(secrets).toContain(canary)
    const data = result.data as Extract<CommandResult['data'], { kind: 'run' }>
    expect(data.report.steps[2].parameters.year).toBe(canary)
    expect(data.report.steps[2].writes[0].rows).toBeGreaterThan(0)
    const runDir = path.join(root, '.dtflw/runs', data.report.runId)
    for (const file of ['report.json', 'events.jsonl']) {
      const text = await readFile(path.join(runDir, file), 'utf8')
      expect(text).not.toContain(canary)
    }
    expect(await readFile(path.join(runDir, 'report.json'), 'utf8')).toContain(
      '"year": "***"'
    )
  })

  it('exits 143 when SIGTERM stopped the run, 130 for SIGINT', async () => {
    const { root } = await sales()
    for (const [reason, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130]
    ] as const) {
      const controller = new AbortController()
      const result = await runCommand(
        request(root, 'run', { profile: 'development' }),
        deps({
          signal: controller.signal,
          onEvent: (e) => {
            if (e.type === 'step-started') controller.abort(reason)
          }
        })
      )
      expect(result.exitCode).toBe(code)
    }
  })
})

/** Pids of this process's SQL worker children (DuckDB processes). */
function sqlWorkerChildren(): Set<string> {
  const listing = execFileSync(
    'ps',
    ['-o', 'pid=,args=', '--ppid', String(process.pid)],
    { encoding: 'utf8' }
  )
  return new Set(
    listing
      .split('\n')
      .filter((line) => line.includes('sql-worker'))
      .map((line) => line.trim().split(/\s+/)[0])
  )
}

describe('the SQL workers of a local run', () => {
  it('end a few seconds after the run, so a long-lived process does not keep DuckDB processes', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'run', { profile: 'development' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    // Warm for the next run at first (nothing else runs in this process
    // now, so every SQL worker it has is idle)...
    expect(sqlWorkerChildren().size).toBeGreaterThan(0)
    const deadline = Date.now() + 10_000
    while (sqlWorkerChildren().size > 0 && Date.now() < deadline) {
      await delay(200)
    }
    // ...then gone: idle ones used to live as long as the process.
    expect([...sqlWorkerChildren()]).toEqual([])
  })
})

describe('requests are checked below the entry points', () => {
  it.each([
    [
      { command: 'plan' },
      'dtflw plan needs --profile NAME (e.g. --profile development).'
    ],
    [
      { command: 'run', profile: 'development', deferTo: 'test' },
      '--defer-to goes with --changed-since REF.'
    ],
    [
      { command: 'cleanup', profile: 'test' },
      'dtflw cleanup needs either --preview NAME (one preview) or --stale AGE (every preview older than AGE, e.g. 7d).'
    ],
    [
      { command: 'cleanup', profile: 'test', stale: 'a week' },
      '--stale must be a whole number with a unit s, m, h or d (e.g. 7d), got "a week".'
    ],
    [
      { command: 'deploy', profile: 'test', preview: '../prod' },
      '--preview must be 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit (it names a workspace folder), got "../prod".'
    ]
  ] as const)('%j is refused with exit 2', async (fields, message) => {
    const { root } = await sales()
    const result = await runCommand(
      { ...request(root, fields.command), ...fields },
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([`error: ${message}`])
  })
})

describe('offline commands on a Databricks profile', () => {
  it('plan, explain and lineage need no DATABRICKS_HOST: a warning names it', async () => {
    const { root } = await sales()
    for (const command of ['plan', 'lineage'] as const) {
      const result = await runCommand(
        request(root, command, { profile: 'test' }),
        deps()
      )
      expect(result.exitCode).toBe(0)
      expect(summaries(result)).toEqual([
        'warning: workspace.host: DATABRICKS_HOST is not set; deploy and run need it: set DATABRICKS_HOST in the environment or .env.'
      ])
      expect(result.diagnostics[0].location).toMatchObject({
        file: 'profiles/test.yaml',
        line: 5
      })
    }
    const explain = await runCommand(
      request(root, 'explain', { profile: 'test' }),
      deps()
    )
    expect(explain.exitCode).toBe(0)
  })

  it('an unset variable that placing tables needs is still an error', async () => {
    const { root, write, read } = await sales()
    await write(
      'profiles/test.yaml',
      (await read('profiles/test.yaml')).replace(
        'catalog: sales_test',
        'catalog: ${TEST_CATALOG}'
      )
    )
    const result = await runCommand(
      request(root, 'plan', { profile: 'test' }),
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result).join('\n')).toContain(
      'environment variable TEST_CATALOG is not set'
    )
  })

  it('deploy and run still need the variable', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'deploy', { profile: 'test' }),
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result).join('\n')).toContain(
      'environment variable DATABRICKS_HOST is not set'
    )
  })
})
