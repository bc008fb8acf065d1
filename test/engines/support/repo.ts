import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runFlow } from '../../../src/commands/index.js'
import type { RunFlowOptions } from '../../../src/commands/index.js'
import { createLocalEngine } from '../../../src/engines/local/index.js'
import type {
  LocalEngineOptions,
  LocalEngineSettings
} from '../../../src/engines/local/index.js'
import type { Engine } from '../../../src/engines/index.js'
import type { Plan } from '../../../src/flow/index.js'
import type { RunReport } from '../../../src/report/index.js'

/** A throwaway repository folder with the given files. */
export async function makeRepo(
  files: Record<string, string> = {}
): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-local-'))
  await writeFiles(root, files)
  return root
}

/** Writes (or overwrites) files under `root`. */
export async function writeFiles(
  root: string,
  files: Record<string, string>
): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, text)
  }
}

/** Copies a folder of this repository (e.g. `examples/sales`) into `root`. */
export async function copyInto(root: string, folder: string): Promise<void> {
  await cp(path.resolve(folder), root, { recursive: true })
}

/** Removes a repository made by `makeRepo`. */
export async function removeRepo(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true })
}

/** A Databricks SQL source notebook of these cells. */
export function sqlNotebook(...cells: string[]): string {
  return `-- Databricks notebook source\n${cells.join('\n\n-- COMMAND ----------\n\n')}\n`
}

/** A Databricks Python source notebook of these cells. */
export function pyNotebook(...cells: string[]): string {
  return `# Databricks notebook source\n${cells.join('\n\n# COMMAND ----------\n\n')}\n`
}

/** A `%sql` (or other magic) cell of a Python source notebook. */
export function magicCell(magic: string, body: string): string {
  return [magic, ...body.split('\n')].map((l) => `# MAGIC ${l}`).join('\n')
}

/** Run options with test defaults. */
export type TestRunOptions = Partial<Omit<RunFlowOptions, 'root'>>

/** Run options with test defaults. */
export function runOptions(overrides: TestRunOptions = {}): TestRunOptions {
  return { parallelism: 2, failFast: false, lazy: false, ...overrides }
}

/**
 * How a test builds the local engine: any of the settings a profile and
 * the environment would give, and any of the engine's own options.
 */
export type TestEngineOptions = Partial<LocalEngineSettings> &
  Partial<Omit<LocalEngineOptions, 'root' | 'settings'>>

/**
 * Local engine settings as a profile that says nothing gives them in this
 * process's environment: `python3` resolved, sandbox `standard`.
 */
export function localSettings(
  overrides: Partial<LocalEngineSettings> = {}
): LocalEngineSettings {
  return {
    python: { command: 'python3', resolve: true },
    sandbox: 'standard',
    env: process.env,
    ...overrides
  }
}

/** The local engine for the repository at `root`, with test defaults. */
export function localEngine(
  root: string,
  engine: TestEngineOptions = {}
): Engine {
  const { python, sandbox, tablesRoot, timeoutSeconds, env, ...options } =
    engine
  const settings = Object.fromEntries(
    Object.entries({ python, sandbox, tablesRoot, timeoutSeconds, env }).filter(
      ([, value]) => value !== undefined
    )
  )
  return createLocalEngine({
    root,
    settings: localSettings(settings),
    ...options
  })
}

/**
 * Runs a plan on the local engine the way `dtflw run` does (the command
 * layer's `runFlow`: deploy, run, report and event log) and returns the
 * report.
 */
export async function runLocal(
  root: string,
  plan: Plan,
  options: TestRunOptions = runOptions(),
  engine: TestEngineOptions = {}
): Promise<RunReport> {
  const run = await runFlow(localEngine(root, engine), plan, {
    parallelism: 2,
    failFast: false,
    lazy: false,
    toolVersion: 'test',
    ...options,
    root
  })
  return run.report
}

/** Rows of a Parquet file (or any DuckDB query over `{}` = the file). */
export async function readParquet(
  file: string,
  query = 'SELECT * FROM {}'
): Promise<Record<string, unknown>[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const db = await DuckDBInstance.create(':memory:')
  const connection = await db.connect()
  try {
    const reader = await connection.runAndReadAll(
      query.replace('{}', `read_parquet('${file.replaceAll("'", "''")}')`)
    )
    return reader.getRowObjectsJson() as Record<string, unknown>[]
  } finally {
    connection.closeSync()
    db.closeSync()
  }
}
