import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { OPTION_FIELDS, optionSpec, splitList } from '../commands/index.js'
import type {
  DraftValue,
  OPTION_SPECS,
  OptionField
} from '../commands/index.js'
import { UsageError } from '../diagnostics/index.js'

/** The commands the Action passes through to the command layer. */
export type ActionCommand =
  'validate' | 'plan' | 'deploy' | 'run' | 'lineage' | 'cleanup' | 'promote'

const COMMANDS: readonly ActionCommand[] = [
  'validate',
  'plan',
  'deploy',
  'run',
  'lineage',
  'cleanup',
  'promote'
]

/** The request options the Action offers: those with an `input` in the table. */
type OfferedField = {
  [F in OptionField]: (typeof OPTION_SPECS)[F] extends { input: string }
    ? F
    : never
}[OptionField]
type IsFlag<F extends OptionField> = (typeof OPTION_SPECS)[F] extends {
  kind: 'flag'
}
  ? F
  : never

/**
 * The request options as the Action's inputs set them, by the option
 * table: a flag is false unless set (its input defaults to `'false'`).
 */
export type ActionOptions = {
  readonly [F in OfferedField as IsFlag<F>]: boolean
} & {
  readonly [F in Exclude<OfferedField, IsFlag<OfferedField>>]?: DraftValue<F>
}

/**
 * Everything the Action's inputs say, parsed once (STYLE R3): the request
 * options of the option table (`profile`, `preview`, `select`, `to`,
 * `sha`, `dryRun`, `stale`, `failFast`, `parallelism`), and the inputs
 * that are the Action's own.
 */
export interface ActionSettings extends ActionOptions {
  readonly command: ActionCommand
  readonly manifest?: string
  /** Absolute: `GITHUB_WORKSPACE`, the checkout. */
  readonly workspace: string
  /** Absolute: `working-directory` under the workspace. */
  readonly workingDirectory: string
  /** Select the steps changed since the base commit (`changedSince`). */
  readonly changedOnly: boolean
  /** Undefined: comment on pull requests. */
  readonly comment?: boolean
  readonly githubToken?: string
  readonly databricksHost?: string
  readonly databricksToken?: string
  readonly databricksClientId?: string
  readonly databricksClientSecret?: string
  readonly timeoutMinutes?: number
  /** `pull_request_target` runs the PR's notebooks only when this is true. */
  readonly allowPullRequestTarget: boolean
}

/** The secret inputs, masked before anything is logged. */
export const SECRET_INPUTS = [
  'github-token',
  'databricks-token',
  'databricks-client-secret'
] as const

/** An input as the runner passes it: `INPUT_<NAME>` upper-cased, trimmed. */
export function readInput(
  env: Readonly<Record<string, string | undefined>>,
  name: string
): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

function readBoolean(
  env: Readonly<Record<string, string | undefined>>,
  name: string
): boolean | undefined {
  const raw = readInput(env, name)
  if (raw === undefined) return undefined
  if (TRUE.includes(raw)) return true
  if (FALSE.includes(raw)) return false
  throw new UsageError(
    `input "${name}" must be one of true, True, TRUE, false, False, FALSE, got "${raw}".`
  )
}

function readPositive(
  env: Readonly<Record<string, string | undefined>>,
  name: string
): number | undefined {
  const raw = readInput(env, name)
  if (raw === undefined) return undefined
  if (!/^[1-9][0-9]*$/.test(raw)) {
    throw new UsageError(
      `input "${name}" must be a positive whole number, got "${raw}".`
    )
  }
  return Number(raw)
}

/**
 * The inputs the option table gives an `input` name, read by their kind;
 * their values are checked with the request (`buildRequest`).
 */
function readOptionInputs(
  env: Readonly<Record<string, string | undefined>>
): ActionOptions {
  const options: Record<string, unknown> = {}
  for (const field of OPTION_FIELDS) {
    const { input, kind } = optionSpec(field)
    if (input === undefined) continue
    const value =
      kind === 'flag'
        ? (readBoolean(env, input) ?? false)
        : kind === 'count'
          ? readPositive(env, input)
          : kind === 'list'
            ? splitList(readInput(env, input))
            : readInput(env, input)
    if (value !== undefined) options[field] = value
  }
  // Each offered field was read by its kind, as ActionOptions maps it.
  return options as ActionOptions
}

/**
 * A path input resolved against the checkout, refused when it leaves it:
 * the Action reads and deploys only what the repository holds.
 */
function insideWorkspace(
  workspace: string,
  name: string,
  value: string
): string {
  const resolved = path.resolve(workspace, value)
  const relative = path.relative(workspace, resolved)
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(
      `input "${name}" must be a path inside the repository's checkout (GITHUB_WORKSPACE), got "${value}".`
    )
  }
  return resolved
}

/**
 * What the inputs point at must be there before anything runs: a
 * misspelt `working-directory` would otherwise find the pipeline of a
 * folder above it and run that. Throws `UsageError` (exit 2).
 */
export function checkCheckout(settings: ActionSettings): void {
  const shown =
    path.relative(settings.workspace, settings.workingDirectory) || '.'
  if (!isDirectory(settings.workingDirectory)) {
    throw new UsageError(
      `input "working-directory": the checkout has no folder "${shown}"; set it to the folder of dtflw.yaml, relative to the repository root.`
    )
  }
  const manifest = path.resolve(
    settings.workingDirectory,
    settings.manifest ?? 'dtflw.yaml'
  )
  if (!existsSync(manifest)) {
    throw new UsageError(
      settings.manifest
        ? `input "manifest": the checkout has no file "${settings.manifest}" in "${shown}".`
        : `there is no dtflw.yaml in "${shown}"; set working-directory to the pipeline's folder, or manifest to its dtflw.yaml (and check that actions/checkout ran before this step).`
    )
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

/**
 * The Action's inputs from the environment the runner gives a step,
 * checked with the input's name and value in every message. Throws
 * `UsageError` (exit 2).
 */
export function readActionInputs(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string
): ActionSettings {
  const command = readInput(env, 'command') ?? 'run'
  if (!COMMANDS.includes(command as ActionCommand)) {
    throw new UsageError(
      `input "command" must be one of ${COMMANDS.join(', ')}, got "${command}".`
    )
  }
  const workspace = env.GITHUB_WORKSPACE ?? cwd
  const workingDirectory = insideWorkspace(
    workspace,
    'working-directory',
    readInput(env, 'working-directory') ?? '.'
  )
  const manifest = readInput(env, 'manifest')
  if (manifest !== undefined)
    insideWorkspace(
      workspace,
      'manifest',
      path.relative(workspace, path.resolve(workingDirectory, manifest))
    )
  return {
    command: command as ActionCommand,
    manifest,
    workspace: path.resolve(workspace),
    workingDirectory,
    changedOnly: readBoolean(env, 'changed-only') ?? false,
    comment: readBoolean(env, 'comment'),
    githubToken: readInput(env, 'github-token'),
    databricksHost: readInput(env, 'databricks-host'),
    databricksToken: readInput(env, 'databricks-token'),
    databricksClientId: readInput(env, 'databricks-client-id'),
    databricksClientSecret: readInput(env, 'databricks-client-secret'),
    timeoutMinutes: readPositive(env, 'timeout-minutes'),
    ...readOptionInputs(env),
    allowPullRequestTarget:
      readBoolean(env, 'allow-pull-request-target') ?? false
  }
}
