import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runCommand } from '../../src/commands/index.js'
import { startDatabricksServer } from '../support/databricks-server/index.js'
import type { DatabricksServer } from '../support/databricks-server/index.js'
import {
  dataOf,
  deps,
  request,
  summaries,
  useSalesProjects
} from './support.js'

const sales = useSalesProjects()

let server: DatabricksServer
beforeAll(async () => {
  server = await startDatabricksServer({ pendingMs: 5 })
})
afterAll(() => server.close())

const env = () => ({
  DATABRICKS_HOST: server.url,
  DATABRICKS_TOKEN: server.token,
  HOME: os.tmpdir()
})

/** A run some other process submitted and left running (a killed CI job). */
async function leftRunning(): Promise<number> {
  server.workspace.putNotebook(
    '/Workspace/slow',
    '# Databricks notebook source\n'
  )
  server.behave('slow', { durationMs: 60_000 })
  const response = await fetch(`${server.url}/api/2.2/jobs/runs/submit`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.token}`,
      'content-type': 'application/json'
    },
    body: JSON.stringify({
      run_name: 'left running',
      tasks: [
        {
          task_key: 'slow',
          notebook_task: { notebook_path: '/Workspace/slow' }
        }
      ]
    })
  })
  const { run_id } = (await response.json()) as { run_id: number }
  return run_id
}

describe('dtflw cancel', () => {
  it('cancels the run with the id it is given, on the profile’s workspace', async () => {
    const { root } = await sales()
    const runId = await leftRunning()
    const result = await runCommand(
      request(root, 'cancel', { profile: 'test', runId: String(runId) }),
      deps({ env: env() })
    )
    expect(result.exitCode).toBe(0)
    expect(dataOf(result, 'cancel')).toEqual({
      kind: 'cancel',
      profile: 'test',
      remoteRunId: String(runId)
    })
    expect(
      server.requestsTo('POST', '/api/2.2/jobs/runs/cancel').map((r) => r.body)
    ).toEqual([{ run_id: runId }])
    await server.runs.waitUntilDone(runId)
    expect(
      (server.runs.view(runId) as { state: { result_state: string } }).state
        .result_state
    ).toBe('CANCELED')
  })

  it("refuses dtflw's own run id before calling Databricks, exit 2", async () => {
    const { root } = await sales()
    const before = server.requestsTo('POST', '/api/2.2/jobs/runs/cancel').length
    const result = await runCommand(
      request(root, 'cancel', {
        profile: 'test',
        runId: '20260101T000000Z-ab12'
      }),
      deps({ env: env() })
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result)).toEqual([
      'error: --run-id must be the Databricks run id, the number in the run page\'s URL (…/run/123), got "20260101T000000Z-ab12".'
    ])
    expect(server.requestsTo('POST', '/api/2.2/jobs/runs/cancel')).toHaveLength(
      before
    )
  })

  it('needs the workspace credentials, unlike the offline commands', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'cancel', { profile: 'test', runId: '1' }),
      deps()
    )
    expect(result.exitCode).toBe(2)
    expect(summaries(result).join('\n')).toContain(
      'environment variable DATABRICKS_HOST is not set'
    )
  })

  it('on the local engine does nothing and succeeds: the run lived in the process that was stopped', async () => {
    const { root } = await sales()
    const result = await runCommand(
      request(root, 'cancel', { profile: 'development', runId: '7' }),
      deps()
    )
    expect(result.exitCode).toBe(0)
    expect(dataOf(result, 'cancel').remoteRunId).toBe('7')
  })
})
