import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCommand } from '../../../src/commands/index.js'
import type {
  CommandName,
  CommandResult,
  RequestDraft
} from '../../../src/commands/index.js'
import type { RunEvent } from '../../../src/report/index.js'
import type { DatabricksServer } from '../../support/databricks-server/index.js'

const SALES = fileURLToPath(new URL('../../../examples/sales', import.meta.url))

/** The workspace root the sample's test profile deploys to. */
export const SALES_ROOT = '/Workspace/Shared/dtflw/sales/test'

/** A pipeline repository in a temporary folder. */
export interface Repo {
  readonly root: string
  write(file: string, text: string): Promise<void>
  read(file: string): Promise<string>
  remove(): Promise<void>
}

/** A fresh copy of examples/sales, as a CI checkout would be. */
export async function salesRepo(): Promise<Repo> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dtflw-dbx-'))
  await cp(SALES, root, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}.dtflw`)
  })
  return repoAt(root)
}

/** A repository of the given files. */
export async function repoOf(files: Record<string, string>): Promise<Repo> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dtflw-dbx-'))
  const repo = repoAt(root)
  for (const [file, text] of Object.entries(files)) await repo.write(file, text)
  return repo
}

function repoAt(root: string): Repo {
  return {
    root,
    async write(file, text) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true })
      await writeFile(path.join(root, file), text)
    },
    read: (file) => readFile(path.join(root, file), 'utf8'),
    remove: () => rm(root, { recursive: true, force: true })
  }
}

/** The environment a CI job would give: the loopback workspace and its token. */
export function serverEnv(
  server: DatabricksServer,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    DATABRICKS_HOST: server.url,
    DATABRICKS_TOKEN: server.token,
    DTFLW_DATABRICKS_POLL_MS: '10',
    HOME: os.tmpdir(),
    ...extra
  }
}

/** A command as the CLI would run it, in process, with its events. */
export async function dtflw(
  repo: Repo,
  server: DatabricksServer,
  request: Partial<RequestDraft> & { command: CommandName },
  options: {
    env?: Record<string, string>
    signal?: AbortSignal
    onEvent?: (event: RunEvent) => void
  } = {}
): Promise<CommandResult & { events: RunEvent[] }> {
  const events: RunEvent[] = []
  const result = await runCommand(
    { cwd: repo.root, profile: 'test', ...request },
    {
      env: options.env ?? serverEnv(server),
      toolVersion: 'test',
      cores: 2,
      signal: options.signal,
      onEvent: (event) => {
        events.push(event)
        options.onEvent?.(event)
      }
    }
  )
  return { ...result, events }
}

/** A Databricks source notebook of SQL cells. */
export function sqlNotebook(...cells: string[]): string {
  return `-- Databricks notebook source\n${cells.join('\n\n-- COMMAND ----------\n\n')}\n`
}

/** Error summaries of a result. */
export const errors = (result: CommandResult): string[] =>
  result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.summary)

/** The sample's gold notebook writes the columns dtflw.yaml declares. */
export function writeSalesGoldColumns(server: DatabricksServer): void {
  server.behave('calculate_sales_stats', {
    writes: [
      {
        table: 'sales_test.sales.sales_stats_by_product_gold',
        columns: [
          { name: 'product_id', type: 'bigint' },
          { name: 'product_name', type: 'string' },
          { name: 'revenue', type: 'decimal(18,2)' }
        ]
      },
      {
        table: 'sales_test.sales.sales_stats_by_customer_gold',
        columns: [
          { name: 'customer_id', type: 'bigint' },
          { name: 'total', type: 'decimal(18,2)' }
        ]
      }
    ]
  })
}

/**
 * Tasks write every `*_out` table they are given, the sample's gold tables
 * with the columns dtflw.yaml declares (for every catalog).
 */
export function writeDeclaredTables(server: DatabricksServer): void {
  const columns: Record<string, { name: string; type: string }[]> = {
    sales_stats_by_product_gold: [
      { name: 'product_id', type: 'bigint' },
      { name: 'product_name', type: 'string' },
      { name: 'revenue', type: 'decimal(18,2)' }
    ],
    sales_stats_by_customer_gold: [
      { name: 'customer_id', type: 'bigint' },
      { name: 'total', type: 'decimal(18,2)' }
    ]
  }
  server.setBehaviour((task) => ({
    writes: Object.entries(task.baseParameters)
      .filter(([name]) => name.endsWith('_out'))
      .map(([name, table]) => ({
        table,
        ...(columns[name.slice(0, -'_out'.length)]
          ? { columns: columns[name.slice(0, -'_out'.length)] }
          : {})
      }))
  }))
}
