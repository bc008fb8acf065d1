import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFileCommand } from '../../action/support.js'
import type { StepResult } from './types.js'

/** A step that did not run. */
export function skipped(
  name: string,
  outcome: 'skipped' | 'cancelled'
): StepResult {
  return {
    name,
    outcome,
    stdout: '',
    stderr: '',
    outputs: {},
    annotations: [],
    summary: '',
    durationMs: 0
  }
}

/** The runner's files of one step (outputs, state, summary, env, path), empty. */
export async function stepFiles(temp: string, key: number | string) {
  const dir = path.join(temp, `_step-${key}`)
  await mkdir(dir, { recursive: true })
  const files = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary'),
    env: path.join(dir, 'env'),
    path: path.join(dir, 'path')
  }
  for (const f of Object.values(files)) await writeFile(f, '')
  return files
}

/** A finished step: its outcome, outputs, annotations and summary. */
export async function stepResult(
  name: string,
  exec: { code: number | null; stdout: string; stderr: string },
  files: { output: string; summary: string },
  started: number,
  cancelled = false
): Promise<StepResult> {
  const annotations = exec.stdout
    .split('\n')
    .filter((l) => /^::(error|warning|notice)\b/.test(l))
  return {
    name,
    outcome: exec.code === 0 ? 'success' : cancelled ? 'cancelled' : 'failure',
    exitCode: exec.code,
    stdout: exec.stdout,
    stderr: exec.stderr,
    outputs: parseFileCommand(await readFile(files.output, 'utf8')),
    annotations,
    summary: await readFile(files.summary, 'utf8'),
    durationMs: Date.now() - started
  }
}

/** `NAME=value` and `NAME<<EOF … EOF` lines of GITHUB_ENV. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = parseFileCommand(text)
  for (const line of text.split('\n')) {
    const simple = /^([^=<]+)=(.*)$/.exec(line)
    if (simple) out[simple[1]] = simple[2]
  }
  return out
}
