import path from 'node:path'
import {
  dedupeDiagnostics,
  errorAt,
  hasErrors,
  InvalidConfigError,
  sortDiagnostics,
  UnknownProfileError
} from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { loadDotenv } from './dotenv.js'
import { createLookup, readProfileTexts } from './profile-files.js'
import { resolveProfile, type MergedProfile } from './resolve.js'
import type { ProfileFile } from './parse.js'
import type { ResolvedProfile, TemplateContext } from './types.js'

/** Where the profiles of a pipeline repository are. */
export interface ProfilesLocation {
  /** Absolute repository root; `.env` is read from here. */
  readonly root: string
  /** Folder of the profiles, relative to `root`, e.g. `profiles`. */
  readonly profilesDir: string
}

/** What `loadProfile` needs. */
export interface LoadProfileOptions extends ProfilesLocation {
  readonly name: string
  readonly context: TemplateContext
  /**
   * Offline use (`validate`, `explain` without credentials): an unset
   * environment variable, `${git.sha}` or `${preview}` without a default is
   * left as written and marked unresolved instead of being an error.
   */
  readonly allowUnsetEnv?: boolean
}

/** What `validateProfiles` and `openProfiles` need. */
export interface ValidateProfilesOptions extends ProfilesLocation {
  readonly context: TemplateContext
  /** See `LoadProfileOptions.allowUnsetEnv`; `validateProfiles` sets it. */
  readonly allowUnsetEnv?: boolean
}

/**
 * The profiles of a repository, read and parsed once: every command that
 * needs several profiles (`validate` needs all) resolves them from here, so
 * a chain of N profiles costs N reads, not N².
 */
export interface ProfileSet {
  /** The profiles (partials left out), sorted. */
  readonly names: readonly string[]
  /** Problems of the folder itself: no profiles, a `.env` that does not parse. */
  readonly diagnostics: readonly Diagnostic[]
  /**
   * The values of `.env`, all secret: masked wherever they appear, even
   * where no profile resolves (a profile's own are in its `secretValues`).
   */
  readonly secretValues: readonly string[]
  /** One profile resolved; `profile` is set only when nothing failed. */
  resolve(name: string): {
    profile?: ResolvedProfile
    diagnostics: readonly Diagnostic[]
  }
  /** Like `resolve`, but throws as `loadProfile` does. */
  load(name: string): ResolvedProfile
  /**
   * The problems of every file on its own (syntax, a folder named like a
   * profile), partials included, which no profile may extend.
   */
  fileDiagnostics(): Diagnostic[]
}

/**
 * A file whose name starts with `_` (`_common.yaml`) is a partial: it can
 * be extended but is no profile of its own, so it need not be complete.
 */
function isPartial(name: string): boolean {
  return name.startsWith('_')
}

/** The error of a profiles folder without profiles, the one way it is said. */
function noProfilesError(profilesDir: string): Diagnostic {
  const dir = posixDir(profilesDir)
  return errorAt(
    'no-profiles',
    `no profiles in ${dir}/; add one per environment, e.g. ${dir}/development.yaml`
  )
}

/** The profiles of a repository: `*.yaml`/`*.yml` names, sorted, no partials. */
export async function listProfiles(
  root: string,
  profilesDir: string
): Promise<string[]> {
  const texts = await readProfileTexts(root, profilesDir, false)
  return [...texts.keys()].filter((name) => !isPartial(name))
}

/**
 * Reads every profile file and `.env` once. Templates see the process
 * environment over `.env` (real environment variables win).
 */
export async function openProfiles(
  options: ValidateProfilesOptions
): Promise<ProfileSet> {
  const { root, profilesDir } = options
  const [texts, dotenv] = await Promise.all([
    readProfileTexts(root, profilesDir, true),
    loadDotenv(root)
  ])
  const names = [...texts.keys()]
  const listed = names.filter((n) => !isPartial(n))
  const lookup = createLookup(texts)
  const merged = new Map<string, MergedProfile>()
  const orders = new Map<string, readonly ProfileFile[]>()
  const context = {
    ...options.context,
    env: withDotenv(options.context.env, dotenv.values),
    dotenv: dotenv.values
  }
  const resolve = (name: string) =>
    resolveProfile({
      name,
      lookup,
      names,
      context,
      allowUnsetEnv: options.allowUnsetEnv,
      merged,
      orders
    })
  return {
    names: listed,
    secretValues: Object.values(dotenv.values).filter((v) => v !== ''),
    diagnostics: [
      ...(listed.length === 0 ? [noProfilesError(profilesDir)] : []),
      ...dotenv.diagnostics
    ],
    resolve,
    fileDiagnostics: () =>
      names.flatMap((name) => lookup(name)?.diagnostics ?? []),
    load(name) {
      if (!listed.includes(name)) {
        throw new UnknownProfileError(name, listed, posixDir(profilesDir))
      }
      const { profile, diagnostics } = resolve(name)
      const all = [...dotenv.diagnostics, ...diagnostics]
      if (!profile || hasErrors(all)) {
        throw new InvalidConfigError(sortDiagnostics(all))
      }
      return profile
    }
  }
}

/**
 * Loads one profile: its `extends` chain merged, `${…}` filled from
 * `context` and the repository's `.env` (real environment variables win),
 * then checked. Throws `UnknownProfileError` listing the profiles that
 * exist, or `InvalidConfigError` with every problem found.
 */
export async function loadProfile(
  options: LoadProfileOptions
): Promise<ResolvedProfile> {
  return (await openProfiles(options)).load(options.name)
}

/**
 * Checks every profile the way `dtflw validate` needs: offline and without
 * credentials, so an environment variable, `${git.sha}` or `${preview}`
 * that has no value is not an error. Returns every problem, each once,
 * sorted by file and line.
 */
export async function validateProfiles(
  options: ValidateProfilesOptions
): Promise<Diagnostic[]> {
  const set = await openProfiles({ ...options, allowUnsetEnv: true })
  const all: Diagnostic[] = [...set.diagnostics, ...set.fileDiagnostics()]
  for (const name of set.names) all.push(...set.resolve(name).diagnostics)
  return sortDiagnostics(dedupeDiagnostics(all))
}

/** The process environment wins over `.env`; unset entries do not count. */
function withDotenv(
  env: TemplateContext['env'],
  dotenv: Readonly<Record<string, string>>
): Record<string, string> {
  const out = Object.assign(
    Object.create(null) as Record<string, string>,
    dotenv
  )
  for (const key of Object.keys(env)) {
    const value = env[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

function posixDir(profilesDir: string): string {
  return profilesDir.split(path.sep).join('/').replace(/\/+$/, '') || '.'
}
