import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DatabricksAuthError } from '../errors.js'
import { normalizeHost } from '../host.js'
import {
  defaultProfileName,
  parseConfigFile,
  type ConfigFile
} from './config-file.js'
import { nonEmpty, type ExplicitCredentials } from './layers.js'

/** The profile asked for by name, and who asked (for messages). */
export interface SelectedProfile {
  readonly name: string
  readonly by: string
}

/** The profile named explicitly or by `DATABRICKS_CONFIG_PROFILE`. */
export function selectedProfile(
  explicit: ExplicitCredentials,
  env: Readonly<Record<string, string | undefined>>
): SelectedProfile | undefined {
  const fromExplicit = nonEmpty(explicit.configProfile)
  if (fromExplicit !== undefined)
    return {
      name: fromExplicit,
      by: `the profile in ${explicit.source ?? 'the explicit settings'}`
    }
  const fromEnv = nonEmpty(env.DATABRICKS_CONFIG_PROFILE)
  if (fromEnv !== undefined)
    return { name: fromEnv, by: 'DATABRICKS_CONFIG_PROFILE' }
  return undefined
}

/** The selected profile's keys; a missing file or profile is an error. */
export function requireProfile(
  file: ConfigFile | undefined,
  configPath: string,
  selected: SelectedProfile
): { file: ConfigFile; keys: ReadonlyMap<string, string> } {
  if (file === undefined)
    throw new DatabricksAuthError(
      `${selected.by} selects the Databricks profile "${selected.name}", but ${configPath} does not exist: create it (databricks auth login, or by hand) or set DATABRICKS_CONFIG_FILE.`
    )
  const keys = file.profiles.get(selected.name)
  if (keys === undefined) {
    const names = [...file.profiles.keys()].join(', ') || '(none)'
    throw new DatabricksAuthError(
      `${selected.by} selects the Databricks profile "${selected.name}", but ${configPath} has no such profile; its profiles are: ${names}.`
    )
  }
  return { file, keys }
}

/**
 * The profile to use when none was named: the default one if its host is
 * the chosen host (or no host was chosen), else the one profile whose host
 * matches. Two matches are ambiguous: the user must name one.
 */
export function matchingProfile(
  file: ConfigFile,
  host: string | undefined
):
  | {
      file: { file: ConfigFile; keys: ReadonlyMap<string, string> }
      name: string
    }
  | undefined {
  const name = defaultProfileName(file)
  const fallback = file.profiles.get(name)
  if (host === undefined)
    return fallback === undefined
      ? undefined
      : { file: { file, keys: fallback }, name }
  if (fallback !== undefined && sameHost(fallback.get('host'), host))
    return { file: { file, keys: fallback }, name }
  const matches = [...file.profiles].filter(([, keys]) =>
    sameHost(keys.get('host'), host)
  )
  if (matches.length > 1)
    throw new DatabricksAuthError(
      `several profiles of ${file.path} are for ${host} (${matches.map(([n]) => n).join(', ')}): set DATABRICKS_CONFIG_PROFILE to the one to use.`
    )
  if (matches.length === 0) return undefined
  return { file: { file, keys: matches[0][1] }, name: matches[0][0] }
}

/** Whether two host settings name one workspace (normalised URLs). */
export function sameHost(a: string | undefined, b: string): boolean {
  if (a === undefined) return false
  try {
    return normalizeHost(a) === normalizeHost(b)
  } catch {
    return false
  }
}

/** Reads and parses the config file, `undefined` when absent. */
export async function loadConfig(
  read: (path: string) => Promise<string | undefined>,
  configPath: string
): Promise<ConfigFile | undefined> {
  const text = await read(configPath)
  return text === undefined ? undefined : parseConfigFile(text, configPath)
}

/** `DATABRICKS_CONFIG_FILE` (with `~`), else `<home>/.databrickscfg`. */
export function configFilePath(
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string
): string {
  const given = nonEmpty(env.DATABRICKS_CONFIG_FILE)
  if (given === undefined) return path.join(homeDir, '.databrickscfg')
  if (given === '~') return homeDir
  if (given.startsWith('~/')) return path.join(homeDir, given.slice(2))
  return given
}

/** The file's text, `undefined` when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new DatabricksAuthError(
      `cannot read the Databricks config file ${file}: ${(error as Error).message}.`
    )
  }
}
