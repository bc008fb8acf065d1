import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../diagnostics/index.js'
import { tryReadText, writeFileAtomic } from '../io/index.js'
import type { RunReport } from './types.js'

/**
 * A run's files live in `<runsDir>/<runId>/`: `report.json`, `events.jsonl`
 * and `logs/<key>.log`. `<runsDir>/latest` holds the id of the last run, so
 * `dtflw lineage --report` finds it without a directory listing.
 */
const REPORT_FILE = 'report.json'
/** The JSON-lines event log next to the report. */
export const EVENTS_FILE = 'events.jsonl'
/** The file in the runs folder naming the last run. */
const LATEST_FILE = 'latest'

/** The folder of one run. */
export function runFolder(runsDir: string, runId: string): string {
  return path.join(runsDir, runId)
}

/**
 * Writes `report.json` atomically, then `latest`: a reader following
 * `latest` always finds a complete report. `mask` hides secrets.
 */
export async function writeRunReport(
  runsDir: string,
  report: RunReport,
  mask: (text: string) => string = (text) => text
): Promise<string> {
  const file = path.join(runFolder(runsDir, report.runId), REPORT_FILE)
  await writeFileAtomic(file, mask(`${JSON.stringify(report, null, 2)}\n`))
  await writeFileAtomic(path.join(runsDir, LATEST_FILE), `${report.runId}\n`)
  return file
}

/** Reads and checks a report file; a wrong file is a usage error (exit 2). */
export async function readRunReport(file: string): Promise<RunReport> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : `it is not JSON (${(error as Error).message})`
    throw new UsageError(`cannot read run report ${file}: ${why}.`)
  }
  const report = value as Partial<RunReport> | null
  if (
    typeof report !== 'object' ||
    report === null ||
    report.schemaVersion !== 1 ||
    typeof report.runId !== 'string' ||
    !Array.isArray(report.steps)
  ) {
    throw new UsageError(
      `${file} is not a dtflw run report (schemaVersion 1 with runId and steps); pass the report.json of a run.`
    )
  }
  return report as RunReport
}

/** The id of the last run, or `undefined` when nothing has run yet. */
async function readLatestRunId(runsDir: string): Promise<string | undefined> {
  const text = await tryReadText(path.join(runsDir, LATEST_FILE))
  const id = text?.trim()
  return id ? id : undefined
}

/** The report of the last run, or `undefined` when nothing has run yet. */
export async function readLatestRunReport(
  runsDir: string
): Promise<RunReport | undefined> {
  const id = await readLatestRunId(runsDir)
  if (!id) return undefined
  return readRunReport(path.join(runFolder(runsDir, id), REPORT_FILE))
}
