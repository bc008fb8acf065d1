import os from 'node:os'
import { runCommand } from '../commands/index.js'
import type { CommandData, CommandResult } from '../commands/index.js'
import {
  createMasker,
  DtflwError,
  ExitCode,
  formatText,
  guardJsonText,
  guardWorkflowCommands,
  InternalError,
  toJson
} from '../diagnostics/index.js'
import { parseCliArgs } from './args.js'
import { helpText } from './help.js'
import { createProgress } from './progress.js'
import { dataToJson, renderData } from './render.js'
import { createTerminalAsk } from './terminal-ask.js'
import { toolVersion } from '../commands/index.js'

/** The process around the CLI: streams, environment, working directory. */
export interface CliIo {
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly stdout: { write(s: string): void; isTTY?: boolean; columns?: number }
  readonly stderr: { write(s: string): void; isTTY?: boolean; columns?: number }
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal
  /** Where `add` reads answers when it is a terminal. */
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean }
}

/**
 * Runs `dtflw` with the given argv and returns the exit code. Everything it
 * prints goes through one masker that learns every secret the command
 * meets, so no token reaches the terminal or a CI log, and through a guard
 * that keeps any line from reading as a GitHub workflow command.
 */
export async function main(raw: CliIo): Promise<number> {
  const masker = createMasker()
  const masked = (stream: CliIo['stdout']): CliStream => ({
    write: (s: string) => stream.write(guardWorkflowCommands(masker.mask(s))),
    // JSON is masked inside its strings, so a secret never breaks it.
    writeJson: (s: string) => stream.write(guardJsonText(masker.maskJson(s))),
    isTTY: stream.isTTY,
    columns: stream.columns
  })
  const io = {
    ...raw,
    stdout: masked(raw.stdout),
    stderr: masked(raw.stderr)
  }
  let settings
  try {
    settings = parseCliArgs(io.argv, io.cwd)
  } catch (error) {
    if (!(error instanceof DtflwError)) throw error
    const json = io.argv.includes('--json')
    report(
      io,
      { exitCode: error.exitCode, diagnostics: error.diagnostics },
      json
    )
    return error.exitCode
  }
  if (settings.version) {
    io.stdout.write(`${toolVersion()}\n`)
    return ExitCode.Success
  }
  if (settings.help || !settings.request) {
    io.stdout.write(`${helpText(settings.topic)}\n`)
    return ExitCode.Success
  }
  const shows = ['run', 'deploy'].includes(settings.request.command)
  const progress =
    shows && !settings.json
      ? createProgress({
          write: (s) => io.stderr.write(s),
          isTTY: io.stderr.isTTY === true && io.env.CI !== 'true',
          columns: io.stderr.columns
        })
      : undefined
  const result = await runCommand(settings.request, {
    env: io.env,
    toolVersion: toolVersion(),
    signal: io.signal,
    onEvent: progress?.onEvent,
    onProgress: progress?.note,
    onSecret: masker.add,
    masker,
    cores: Math.max(1, os.availableParallelism()),
    ...(settings.request.command === 'add' && io.stdin?.isTTY
      ? { ask: createTerminalAsk({ input: io.stdin, output: raw.stderr }) }
      : {})
  })
  progress?.stop()
  report(io, result, settings.json)
  if (settings.debug && result.error instanceof InternalError) {
    const cause = result.error.cause as Error | undefined
    io.stderr.write(`${cause?.stack ?? result.error.stack}\n`)
  }
  if (settings.debug) {
    // A failed step's whole message (DuckDB's excerpt, a traceback), which
    // the summary line cuts to one line.
    for (const step of failedSteps(result)) {
      io.stderr.write(`--- ${step.key}\n${masker.mask(step.detail)}\n`)
    }
  }
  return result.exitCode
}

/** An output stream that masks, guards, and writes JSON as JSON. */
interface CliStream {
  write(s: string): void
  writeJson(s: string): void
  readonly isTTY?: boolean
  readonly columns?: number
}

function report(
  io: { stdout: CliStream; stderr: CliStream },
  result: CommandResult,
  json: boolean
): void {
  if (json) {
    const body = {
      exitCode: result.exitCode,
      diagnostics: result.diagnostics.map(toJson),
      ...(result.data ? { result: dataToJson(result.data) } : {})
    }
    io.stdout.writeJson(`${JSON.stringify(body, null, 2)}\n`)
    return
  }
  for (const d of result.diagnostics) io.stderr.write(`${formatText(d)}\n`)
  if (!result.data) return
  const text = `${renderData(result.data)}\n`
  if (isJsonText(result.data)) io.stdout.writeJson(text)
  else io.stdout.write(text)
}

/** Lineage as JSON or OpenLineage's JSON lines, printed as it is. */
function isJsonText(data: CommandData): boolean {
  return (
    data.kind === 'lineage' &&
    (data.format === 'json' || data.format === 'openlineage')
  )
}

/** Each failed step of a run and the whole of what its engine said. */
function failedSteps(result: CommandResult): { key: string; detail: string }[] {
  const data = result.data
  const report = data?.kind === 'run' ? data.report : undefined
  return (report?.steps ?? []).flatMap((s) =>
    s.status === 'failed' && s.error?.detail
      ? [{ key: s.key, detail: s.error.detail }]
      : []
  )
}
