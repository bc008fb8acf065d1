import type { PlannedOutput, PlannedStep } from '../../flow/index.js'
import type { StepError, TableAccess } from '../../report/index.js'
import { checkColumns, normalizeSparkType } from '../columns.js'
import type { CallOptions, DatabricksClient } from './api/index.js'

/** What the workspace says of one output after its task succeeded. */
export type OutputCheck =
  | {
      readonly status: 'present'
      readonly columns?: readonly { name: string; type: string }[]
    }
  | { readonly status: 'missing' }
  | { readonly status: 'unchecked'; readonly reason: string }

/**
 * Whether an output exists, by layout: a Unity Catalog table through the
 * tables API (with its columns), a `/Volumes/…` path through the Files API
 * (a table is usually a folder), a `dbfs:/` path through DBFS. A cloud URI
 * (`abfss://`, `s3://`, …) has no workspace API to list it: unchecked.
 */
export async function checkRemoteOutput(
  client: DatabricksClient,
  output: PlannedOutput,
  options?: CallOptions
): Promise<OutputCheck> {
  const location = output.location
  if (location.kind === 'table') {
    const table = await client.catalog.tryGetTable(location.name, options)
    if (!table) return { status: 'missing' }
    return {
      status: 'present',
      columns: (table.columns ?? []).map((c) => ({
        name: c.name,
        type: normalizeSparkType(c.type_text ?? c.type_name ?? '')
      }))
    }
  }
  const uri = location.uri
  if (uri.startsWith('/Volumes/')) {
    const present =
      (await client.files.directoryExists(uri, options)) ||
      (await client.files.tryGetFileStatus(uri, options)) !== undefined
    return present ? { status: 'present' } : { status: 'missing' }
  }
  if (uri.startsWith('dbfs:/')) {
    const status = await client.files.tryGetDbfsStatus(
      uri.slice('dbfs:'.length),
      options
    )
    return status ? { status: 'present' } : { status: 'missing' }
  }
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(uri)?.[1] ?? 'this kind of'
  return {
    status: 'unchecked',
    reason: `no workspace API lists ${scheme} locations; dtflw could not check that it was written`
  }
}

/**
 * dtflw's check after every notebook, on the workspace: every declared
 * output exists and has its declared columns. A missing output wins over
 * column problems; an unchecked one is reported as such, never as present.
 */
export async function checkStepOutputs(
  client: DatabricksClient,
  step: PlannedStep,
  options?: CallOptions
): Promise<{ writes: TableAccess[]; error?: StepError }> {
  const checks = await Promise.all(
    step.outputs.map(async (output) => ({
      output,
      check: await checkRemoteOutput(client, output, options)
    }))
  )
  const writes: TableAccess[] = checks.map(({ output, check }) => ({
    table: output.alias,
    param: output.param,
    location: output.location,
    ...(check.status === 'unchecked' ? { unchecked: check.reason } : {})
  }))
  const missing = checks.filter((c) => c.check.status === 'missing')
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c.output.alias}"`).join(', ')
    const where = missing
      .map((c) =>
        c.output.location.kind === 'table'
          ? c.output.location.name
          : c.output.location.uri
      )
      .join(', ')
    const first = missing[0].output
    return {
      writes,
      error: {
        kind: 'output-missing',
        table: first.alias,
        message: `${missing.length === 1 ? 'output' : 'outputs'} ${names} ${missing.length === 1 ? 'was' : 'were'} not written by the notebook (nothing at ${where}): in SQL create it with CREATE OR REPLACE TABLE IDENTIFIER(:${first.param}) AS …, in Python write to dbutils.widgets.get("${first.param}").`
      }
    }
  }
  const mismatched = checks.flatMap(({ output, check }) => {
    if (check.status !== 'present' || !check.columns || !output.columns) {
      return []
    }
    const problems = checkColumns(check.columns, output.columns, output.strict)
    return problems.length > 0 ? [{ output, problems }] : []
  })
  if (mismatched.length > 0) {
    return {
      writes,
      error: {
        kind: 'columns',
        table: mismatched[0].output.alias,
        message: mismatched
          .map(
            (m) =>
              `output "${m.output.alias}" does not have its declared columns: ${m.problems.join('; ')}.`
          )
          .join(' ')
      }
    }
  }
  return { writes }
}
