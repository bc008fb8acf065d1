import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { formatText } from '../../src/diagnostics/index.js'
import type { Diagnostic } from '../../src/diagnostics/index.js'
import { parseProfileFile, resolveProfile } from '../../src/profiles/index.js'
import type { ResolvedProfile } from '../../src/profiles/index.js'

/** A temporary pipeline repository with the given files (path → text). */
export async function makeRepo(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'dtflw-profiles-'))
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, text)
  }
  return root
}

/** Removes a repository made by `makeRepo`. */
export async function removeRepo(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true })
}

/** Diagnostics as the terminal shows them. */
export function rendered(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(formatText)
}

/** The diagnostics of a rejected promise, rendered as the terminal shows them. */
export async function rejection(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise
  } catch (error) {
    const diagnostics = (error as { diagnostics?: Diagnostic[] }).diagnostics
    if (!diagnostics) throw error
    return rendered(diagnostics)
  }
  throw new Error('expected the promise to reject')
}

/** The example profiles of DESIGN.md section 2. */
export const BASE_YAML = `variables: { year: "2022" }
engine: local
tables: { layout: path, root: ".dtflw/data/\${profile}", format: parquet }
sources:
  raw_orders: { path: data/raw_orders.csv, format: csv }
`

export const TEST_YAML = `extends: base
engine: databricks
workspace:
  host: \${DATABRICKS_HOST}
  root: /Workspace/Shared/dtflw/\${pipeline}/\${profile}
compute: { serverless: true }
tables: { layout: catalog, catalog: sales_test, schema: "\${pipeline}" }
sources:
  raw_orders: { table: shop_raw.exports.orders }
`

/** Resolves `name` from in-memory files (name → text) under `profiles/`. */
export function resolveInMemory(
  files: Record<string, string>,
  name = 'test',
  env: Record<string, string> = { DATABRICKS_HOST: 'https://h' }
): { profile?: ResolvedProfile; errors: string[] } {
  const parsed = Object.fromEntries(
    Object.entries(files).map(([n, text]) => [
      n,
      parseProfileFile(text, `profiles/${n}.yaml`)
    ])
  )
  const result = resolveProfile({
    name,
    lookup: (n) => parsed[n],
    names: Object.keys(parsed),
    context: { env, pipeline: 'sales' }
  })
  return { profile: result.profile, errors: rendered(result.diagnostics) }
}

/** The rendered diagnostics of `resolveInMemory`. */
export function problems(
  files: Record<string, string>,
  name = 'test'
): string[] {
  return resolveInMemory(files, name).errors
}
