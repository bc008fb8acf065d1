import { readdir } from 'node:fs/promises'
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
import {
  mapLimit,
  readTextFile,
  toPosixRelative,
  UnreadableFileError
} from '../io/index.js'
import { planMergeOrder } from './chain.js'
import { loadDotenv } from './dotenv.js'
import { mergeProfiles } from './merge.js'
import { emptyMap, type MapNode } from './node.js'
import { parseProfileFile, profileNameOf } from './parse.js'
import type { ProfileFile } from './parse.js'
import { buildResolvedProfile } from './resolved-profile.js'
import { checkProfileSchema } from './schema.js'
import { listedSecrets, secretTest } from './secrets.js'
import { interpolateProfile } from './template.js'
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

/** What `resolveProfile` works from; no I/O happens below this. */
export interface ResolveProfileInput {
  readonly name: string
  /** The parsed file of a profile (or partial) name, if it exists. */
  readonly lookup: (name: string) => ProfileFile | undefined
  /** Every name `extends` may use, for did-you-mean. */
  readonly names: readonly string[]
  /** `env` here is what templates see: the process env over `.env`. */
  readonly context: TemplateContext
  /** See `LoadProfileOptions.allowUnsetEnv`. */
  readonly allowUnsetEnv?: boolean
  /**
   * Merged trees of profiles resolved before, by name, so a long `extends`
   * chain is merged once, not once per profile in it.
   */
  readonly merged?: Map<string, MergedProfile>
}

/** A profile's files in merge order and the tree they merge into. */
export interface MergedProfile {
  readonly files: readonly ProfileFile[]
  readonly tree: MapNode
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

interface ProfileText {
  readonly file: string
  /** The file's text, or why it could not be read. */
  readonly text: string | Diagnostic
}

const PROFILE_FILE = /\.ya?ml$/
/** How many profile files are read at once. */
const READS = 16

/**
 * A file whose name starts with `_` (`_common.yaml`) is a partial: it can
 * be extended but is no profile of its own, so it need not be complete.
 */
function isPartial(name: string): boolean {
  return name.startsWith('_')
}

/** The error of a profiles folder without profiles, the one way it is said. */
export function noProfilesError(profilesDir: string): Diagnostic {
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
  const context = {
    ...options.context,
    env: withDotenv(options.context.env, dotenv.values)
  }
  const resolve = (name: string) =>
    resolveProfile({
      name,
      lookup,
      names,
      context,
      allowUnsetEnv: options.allowUnsetEnv,
      merged
    })
  return {
    names: listed,
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

/**
 * Resolves one profile from parsed files: merge order, merge, `${…}`,
 * schema, typed checks. Pure; `profile` is set only when nothing failed.
 */
export function resolveProfile(input: ResolveProfileInput): {
  profile?: ResolvedProfile
  diagnostics: Diagnostic[]
} {
  const { name } = input
  const order = planMergeOrder(name, input.lookup, input.names)
  if (hasErrors(order.diagnostics) || order.files.length === 0) {
    return { diagnostics: [...order.diagnostics] }
  }
  const merged = mergeInOrder(name, order.files, input.merged)
  const scope = {
    ...input.context,
    profile: name,
    allowUnsetEnv: input.allowUnsetEnv
  }
  const interpolated = interpolateProfile(merged, scope)
  const schema = checkProfileSchema(interpolated.tree)
  const built = buildResolvedProfile({
    name,
    files: order.files.map((f) => f.file),
    tree: interpolated.tree,
    scope: {
      env: scope.env,
      profile: name,
      pipeline: scope.pipeline,
      gitSha: scope.gitSha,
      preview: scope.preview,
      allowUnsetEnv: scope.allowUnsetEnv,
      isSecretName: secretTest(listedSecrets(interpolated.tree))
    }
  })
  const diagnostics = [
    ...order.diagnostics,
    ...interpolated.diagnostics,
    ...schema,
    ...built.diagnostics
  ]
  return hasErrors(diagnostics)
    ? { diagnostics: sortDiagnostics(diagnostics) }
    : { profile: built.profile, diagnostics }
}

/**
 * The files merged in order, parents first. When the files before this
 * profile's own are exactly the merge order of its last parent (always so
 * with one parent), that parent's merged tree is reused: each profile of a
 * long chain then costs one merge.
 */
function mergeInOrder(
  name: string,
  files: readonly ProfileFile[],
  memo: Map<string, MergedProfile> | undefined
): MapNode {
  const parents = files.slice(0, -1)
  const last = parents[parents.length - 1]
  const known = last ? memo?.get(last.name) : undefined
  const reuse =
    known !== undefined &&
    known.files.length === parents.length &&
    known.files.every((f, i) => f === parents[i])
  const start = reuse ? known.tree : emptyMap()
  const rest = reuse ? files.slice(-1) : files
  const tree = rest.reduce(
    (acc, file) => (file.tree ? mergeProfiles(acc, file.tree) : acc),
    start
  )
  memo?.set(name, { files, tree })
  return tree
}

/** Parses each file on first use; two files for one name is an error. */
function createLookup(
  texts: ReadonlyMap<string, readonly ProfileText[]>
): (name: string) => ProfileFile | undefined {
  const parsed = new Map<string, ProfileFile>()
  return (name) => {
    const known = parsed.get(name)
    if (known) return known
    const candidates = texts.get(name)
    if (!candidates || candidates.length === 0) return undefined
    const [first, ...others] = candidates
    let file: ProfileFile =
      typeof first.text === 'string'
        ? parseProfileFile(first.text, first.file)
        : { name, file: first.file, extends: [], diagnostics: [first.text] }
    if (others.length > 0) {
      const files = candidates.map((c) => c.file).join(' and ')
      const clash = errorAt(
        'duplicate-profile',
        `profile "${name}" is defined twice, by ${files}; keep one`,
        { file: others[0].file, line: 1, column: 1 }
      )
      file = { ...file, diagnostics: [clash, ...file.diagnostics] }
    }
    parsed.set(name, file)
    return file
  }
}

/**
 * The profile files by name. Every entry named `*.yaml` or `*.yml` counts,
 * whatever it is: a folder or a named pipe with a profile's name is a
 * mistake to report, not a file to skip silently or (a pipe) to hang on.
 */
async function readProfileTexts(
  root: string,
  profilesDir: string,
  withText: boolean
): Promise<Map<string, ProfileText[]>> {
  const dir = path.resolve(root, profilesDir)
  let entries: string[]
  try {
    entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => PROFILE_FILE.test(e.name) && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return new Map()
    throw error
  }
  const texts = await mapLimit(entries, READS, async (entry) => {
    const absolute = path.join(dir, entry)
    const file = toPosixRelative(root, absolute)
    if (!withText) return { file, text: '' }
    try {
      return { file, text: await readTextFile(absolute, file) }
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      const where = error.diagnostics[0].location ?? {
        file,
        line: 1,
        column: 1
      }
      return {
        file,
        text: errorAt(
          error.diagnostics[0].code,
          `profile ${error.message}`,
          where
        )
      }
    }
  })
  const out = new Map<string, ProfileText[]>()
  entries.forEach((entry, i) => {
    const list = out.get(profileNameOf(entry)) ?? []
    list.push(texts[i])
    out.set(profileNameOf(entry), list)
  })
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
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
