import { afterEach } from '@jest/globals'
import type {
  CommandData,
  CommandDeps,
  CommandName,
  CommandResult,
  RequestDraft
} from '../../src/commands/index.js'
import { copySalesProject } from '../support/sales-project.js'
import type { SalesProject } from '../support/sales-project.js'

/** A request for `command` on the project at `root`. */
export function request(
  root: string,
  command: CommandName,
  extra: Partial<RequestDraft> = {}
): RequestDraft {
  return { command, manifest: 'dtflw.yaml', cwd: root, ...extra }
}

/** What the CLI would pass, with an empty environment and a fixed version. */
export function deps(extra: Partial<CommandDeps> = {}): CommandDeps {
  return { env: {}, toolVersion: 'test', cores: 2, ...extra }
}

/** A workspace host for the Databricks profiles of examples/sales. */
export const HOST_ENV = { DATABRICKS_HOST: 'https://adb-1.azuredatabricks.net' }

/** `severity: summary` of each diagnostic, as the terminal shows them. */
export const summaries = (result: CommandResult): string[] =>
  result.diagnostics.map((d) => `${d.severity}: ${d.summary}`)

/** The result's data, asserted to be of `kind`. */
export function dataOf<K extends CommandData['kind']>(
  result: CommandResult,
  kind: K
): Extract<CommandData, { kind: K }> {
  if (result.data?.kind !== kind) {
    throw new Error(
      `expected ${kind} data, got exit ${result.exitCode}: ${summaries(result).join('\n')}`
    )
  }
  return result.data as Extract<CommandData, { kind: K }>
}

/**
 * Copies of examples/sales for one test file, removed after each test.
 * Call at the top level of the file.
 */
export function useSalesProjects(): () => Promise<SalesProject> {
  const made: SalesProject[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((p) => p.remove()))
  })
  return async () => {
    const project = await copySalesProject()
    made.push(project)
    return project
  }
}

export { commitAll, git } from '../support/git.js'
