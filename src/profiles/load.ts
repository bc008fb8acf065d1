import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import {
  InvalidConfigError,
  UnknownProfileError,
  errorAt,
  formatText,
  hasErrors,
  sortDiagnostics
} from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import { toPosixRelative } from '../io/index.js'
import { planMergeOrder } from './chain.js'
import { loadDotenv } from './dotenv.js'
import { mergeProfiles } from './merge.js'
import { emptyMap } from './node.js'
import { parseProfileFile, profileNameOf } from './parse.js'
import type { ProfileFile } from './parse.js'
import { buildResolvedProfile } from './resolved-profile.js'
import { checkProfileSchema } from './schema.js'
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

/** What `validateProfiles` needs. */
export interface ValidateProfilesOptions extends ProfilesLocation {
  readonly context: TemplateContext
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
}

interface ProfileText {
  readonly file: string
  readonly text: string
}

const PROFILE_FILE = /\.ya?ml$/

/**
 * A file whose name starts with `_` (`_common.yaml`) is a partial: it can
 * be extended but is no profile of its own, so it need not be complete.
 */
function isPartial(name: string): boolean {
  return name.startsWith('_')
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
 * Loads one profile: its `extends` chain merged, `${…}` filled from
 * `context` and the repository's `.env` (real environment variables win),
 * then checked. Throws `UnknownProfileError` listing the profiles that
 * exist, or `InvalidConfigError` with every problem found.
 */
export async function loadProfile(
  options: LoadProfileOptions
): Promise<ResolvedProfile> {
  const { root, profilesDir, name } = options
  const texts = await readProfileTexts(root, profilesDir, true)
  const names = [...texts.keys()]
  const listed = names.filter((n) => !isPartial(n))
  if (!listed.includes(name)) {
    throw new UnknownProfileError(name, listed, posixDir(profilesDir))
  }
  const dotenv = await loadDotenv(root)
  const { profile, diagnostics } = resolveProfile({
    name,
    lookup: createLookup(texts),
    names,
    allowUnsetEnv: options.allowUnsetEnv,
    context: {
      ...options.context,
      env: withDotenv(options.context.env, dotenv.values)
    }
  })
  const all = [...dotenv.diagnostics, ...diagnostics]
  if (!profile || hasErrors(all)) {
    throw new InvalidConfigError(sortDiagnostics(all))
  }
  return profile
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
  const { root, profilesDir } = options
  const texts = await readProfileTexts(root, profilesDir, true)
  const names = [...texts.keys()]
  const listed = names.filter((n) => !isPartial(n))
  if (listed.length === 0) {
    const dir = posixDir(profilesDir)
    return [
      errorAt(
        'no-profiles',
        `no profiles in ${dir}/; add one per environment, e.g. ${dir}/development.yaml`
      )
    ]
  }
  const dotenv = await loadDotenv(root)
  const lookup = createLookup(texts)
  const context = {
    ...options.context,
    env: withDotenv(options.context.env, dotenv.values)
  }
  const all: Diagnostic[] = [...dotenv.diagnostics]
  for (const name of names) all.push(...(lookup(name)?.diagnostics ?? []))
  for (const name of listed) {
    const result = resolveProfile({
      name,
      lookup,
      names,
      context,
      allowUnsetEnv: true
    })
    all.push(...result.diagnostics)
  }
  return sortDiagnostics(unique(all))
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
  const merged = order.files.reduce(
    (tree, file) => (file.tree ? mergeProfiles(tree, file.tree) : tree),
    emptyMap()
  )
  const interpolated = interpolateProfile(merged, {
    ...input.context,
    profile: name,
    allowUnsetEnv: input.allowUnsetEnv
  })
  const schema = checkProfileSchema(interpolated.tree)
  const built = buildResolvedProfile({
    name,
    files: order.files.map((f) => f.file),
    tree: interpolated.tree
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
    let file = parseProfileFile(first.text, first.file)
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

async function readProfileTexts(
  root: string,
  profilesDir: string,
  withText: boolean
): Promise<Map<string, ProfileText[]>> {
  const dir = path.resolve(root, profilesDir)
  let entries: string[]
  try {
    entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && PROFILE_FILE.test(e.name))
      .map((e) => e.name)
      .sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map()
    throw error
  }
  const out = new Map<string, ProfileText[]>()
  for (const entry of entries) {
    const absolute = path.join(dir, entry)
    const text = withText ? await readFile(absolute, 'utf8') : ''
    const list = out.get(profileNameOf(entry)) ?? []
    list.push({ file: toPosixRelative(root, absolute), text })
    out.set(profileNameOf(entry), list)
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** The process environment wins over `.env`; unset entries do not count. */
function withDotenv(
  env: TemplateContext['env'],
  dotenv: Readonly<Record<string, string>>
): Record<string, string> {
  const out: Record<string, string> = { ...dotenv }
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) out[key] = value
  }
  return out
}

function posixDir(profilesDir: string): string {
  return profilesDir.split(path.sep).join('/').replace(/\/+$/, '') || '.'
}

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${formatText(d)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
