import { UsageError } from '../../diagnostics/index.js'
import { commandSpec, fieldsOf } from './commands.js'
import type { CommandName } from './commands.js'
import { optionSpec } from './options.js'
import { isValidValue, mustBe } from './values.js'
import type { CommandRequest, RequestDraft } from './union.js'

/** Where a request's pipeline is: its folder, and its manifest if named. */
export interface RequestWhere {
  readonly cwd: string
  readonly manifest?: string
}

/**
 * A draft for `command` from values meant for any command (the Action's
 * inputs): only the fields the command takes, a flag only when it is set.
 * `buildRequest` checks it.
 */
export function draftRequest(
  command: CommandName,
  where: RequestWhere,
  values: Omit<RequestDraft, 'command' | 'cwd' | 'manifest'>
): RequestDraft {
  const draft: Record<string, unknown> = {
    command,
    cwd: where.cwd,
    ...(where.manifest !== undefined ? { manifest: where.manifest } : {})
  }
  for (const field of fieldsOf(command)) {
    const value = values[field]
    if (value !== undefined && value !== false) draft[field] = value
  }
  return draft as unknown as RequestDraft
}

/**
 * Checks a draft against its command's row of COMMAND_SPECS: what it
 * needs, the rules between its fields, then each value, so the CLI and
 * the Action refuse the same requests with the same words. Returns the
 * command's request, holding only the fields that command takes. Throws
 * `UsageError` (exit 2).
 */
export function buildRequest(draft: RequestDraft): CommandRequest {
  const command = draft.command
  const spec = commandSpec(command)
  for (const field of spec.needs) {
    if (!draft[field]) {
      throw new UsageError(
        `dtflw ${command} needs ${optionSpec(field).missing?.(command) ?? field}.`
      )
    }
  }
  for (const rule of spec.rules ?? []) {
    const problem = rule(draft)
    if (problem) throw new UsageError(problem)
  }
  const request = draftRequest(command, draft, draft)
  for (const field of fieldsOf(command)) {
    const option = optionSpec(field)
    const value = request[field]
    if (value !== undefined && !isValidValue(option, value)) {
      throw new UsageError(
        `--${option.flag ?? field} must be ${mustBe(option)}, got "${String(value)}".`
      )
    }
  }
  // The checks above are what the member of the union promises.
  return request as CommandRequest
}
