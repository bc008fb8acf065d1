import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DatabricksAuthError } from '../errors.js'
import { normalizeHost } from '../host.js'
import {
  defaultProfileName,
  parseConfigFile,
  type ConfigFile
} from './config-file.js'
import { createGitHubOidcProvider } from './github-oidc.js'
import { createOAuthM2MProvider } from './oauth-m2m.js'
import { createPatProvider } from './pat.js'
import { TOKEN_PATH } from './token-response.js'
import type { AuthMethod, CredentialsProvider } from './types.js'

/** Values given directly (profile `workspace` fields, Action inputs). */
export interface ExplicitCredentials {
  readonly host?: string
  readonly token?: string
  readonly clientId?: string
  readonly clientSecret?: string
  /** A `.databrickscfg` profile to use; it wins over `DATABRICKS_*`. */
  readonly configProfile?: string
  /** Forces one method, like `DATABRICKS_AUTH_TYPE`. */
  readonly authType?: string
  /** How messages name these values, e.g. `the Action inputs`. */
  readonly source?: string
}

/** Everything `resolveCredentials` reads; nothing comes from globals. */
export interface ResolveCredentialsOptions {
  readonly explicit?: ExplicitCredentials
  readonly env: Readonly<Record<string, string | undefined>>
  /** Where `~/.databrickscfg` lives. */
  readonly homeDir: string
  /** Reads a file, `undefined` when it does not exist (default: the disk). */
  readonly readConfigFile?: (path: string) => Promise<string | undefined>
}

/** The workspace and how to authenticate to it. */
export interface ResolvedCredentials {
  /** Normalised: `https://…`, no trailing `/`. */
  readonly host: string
  readonly provider: CredentialsProvider
  readonly method: AuthMethod
}

type Attr =
  'host' | 'token' | 'clientId' | 'clientSecret' | 'authType' | 'audience'

/** One source of settings and how to name its keys in messages. */
interface Layer {
  readonly values: Partial<Record<Attr, string>>
  readonly name: (attr: Attr) => string
}

const ENV_NAMES: Record<Attr, string> = {
  host: 'DATABRICKS_HOST',
  token: 'DATABRICKS_TOKEN',
  clientId: 'DATABRICKS_CLIENT_ID',
  clientSecret: 'DATABRICKS_CLIENT_SECRET',
  authType: 'DATABRICKS_AUTH_TYPE',
  audience: 'DATABRICKS_TOKEN_AUDIENCE'
}

const CONFIG_KEYS: Record<Attr, string> = {
  host: 'host',
  token: 'token',
  clientId: 'client_id',
  clientSecret: 'client_secret',
  authType: 'auth_type',
  audience: 'audience'
}

const EXPLICIT_NAMES: Record<Attr, string> = {
  host: 'host',
  token: 'token',
  clientId: 'client id',
  clientSecret: 'client secret',
  authType: 'auth type',
  audience: 'audience'
}

const CREDENTIAL_ATTRS: readonly Attr[] = ['token', 'clientId', 'clientSecret']

const NO_CREDENTIALS_ADVICE =
  'set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or DATABRICKS_AUTH_TYPE=github-oidc with DATABRICKS_CLIENT_ID and `permissions: id-token: write`, or a ~/.databrickscfg profile'

/**
 * Finds the workspace and the credentials, in the order of the official
 * SDKs: values given explicitly, then `DATABRICKS_*` variables, then a
 * `~/.databrickscfg` profile. Among the merged values the method is, unless
 * `DATABRICKS_AUTH_TYPE` (or `auth_type`) forces one: a token (PAT), then a
 * client id and secret (OAuth M2M), then a client id inside a GitHub job
 * with an ID token (GitHub OIDC federation).
 *
 * A profile named explicitly or by `DATABRICKS_CONFIG_PROFILE` wins over
 * the environment (as the CLI does since cli#5096). Without one, the file
 * is read only when no credential was given otherwise (SDK issue #304),
 * and its default profile (`[__settings__] default_profile`, else
 * `DEFAULT`) is used only if its host is the one already chosen; failing
 * that, the single profile whose host matches, so a laptop's token for one
 * workspace is never sent to another.
 */
export async function resolveCredentials(
  options: ResolveCredentialsOptions
): Promise<ResolvedCredentials> {
  const { env } = options
  const explicit = options.explicit ?? {}
  const explicitLayer = layerOfExplicit(explicit)
  const envLayer = layerOfEnv(env)
  const read = options.readConfigFile ?? readIfExists
  const configPath = configFilePath(env, options.homeDir)
  const selected = selectedProfile(explicit, env)
  let layers: Layer[]
  if (selected !== undefined) {
    const file = await loadConfig(read, configPath)
    const profile = profileLayer(
      requireProfile(file, configPath, selected),
      selected.name
    )
    // The profile's credentials are a set: a DATABRICKS_TOKEN left in the
    // environment must not turn an OAuth profile into a PAT login.
    const hasCredentials = CREDENTIAL_ATTRS.some(
      (a) => profile.values[a] !== undefined
    )
    layers = [
      explicitLayer,
      profile,
      hasCredentials ? withoutCredentials(envLayer) : envLayer
    ]
  } else {
    layers = [explicitLayer, envLayer]
    const given = merge(layers)
    if (!CREDENTIAL_ATTRS.some((a) => given.values[a] !== undefined)) {
      const file = await loadConfig(read, configPath)
      const profile =
        file === undefined
          ? undefined
          : matchingProfile(file, given.values.host)
      if (profile !== undefined)
        layers.push(profileLayer(profile.file, profile.name))
    }
  }
  const merged = merge(layers)
  const rawHost = merged.values.host
  if (rawHost === undefined)
    throw new DatabricksAuthError(
      `no Databricks host: set DATABRICKS_HOST (or workspace.host in the profile, or host in a ~/.databrickscfg profile) to the workspace URL; and for credentials, ${NO_CREDENTIALS_ADVICE}.`
    )
  const host = normalizeHost(rawHost)
  const provider = chooseProvider(host, merged, env)
  return { host, provider, method: provider.method }
}

/** Every secret the credentials hold, to register for masking. */
export function secretsOf(
  credentials: ResolvedCredentials | CredentialsProvider
): readonly string[] {
  const provider =
    'provider' in credentials ? credentials.provider : credentials
  return provider.secrets.filter((s) => s !== '')
}

interface Merged {
  readonly values: Partial<Record<Attr, string>>
  readonly from: Partial<Record<Attr, Layer>>
}

function merge(layers: readonly Layer[]): Merged {
  const values: Partial<Record<Attr, string>> = {}
  const from: Partial<Record<Attr, Layer>> = {}
  for (const layer of layers)
    for (const [attr, value] of Object.entries(layer.values) as [
      Attr,
      string
    ][])
      if (values[attr] === undefined) {
        values[attr] = value
        from[attr] = layer
      }
  return { values, from }
}

function chooseProvider(
  host: string,
  merged: Merged,
  env: Readonly<Record<string, string | undefined>>
): CredentialsProvider {
  const { values, from } = merged
  const named = (attr: Attr) => from[attr]?.name(attr) ?? ENV_NAMES[attr]
  const forced = values.authType
  const idTokenUrl = nonEmpty(env.ACTIONS_ID_TOKEN_REQUEST_URL)
  const idTokenRequest = nonEmpty(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  const pat = () => {
    if (values.token === undefined)
      throw new DatabricksAuthError(
        `${named('authType')} is "pat" but no token is set for ${host}: set ${named('token')}.`,
        'pat'
      )
    return createPatProvider(values.token, {
      describe: `the personal access token from ${named('token')}`,
      fix: `create a new personal access token in the workspace (Settings, Developer, Access tokens) and set ${named('token')}`
    })
  }
  const m2m = () => {
    if (values.clientId === undefined || values.clientSecret === undefined)
      throw new DatabricksAuthError(
        `${named('authType')} is "oauth-m2m" but ${values.clientId === undefined ? named('clientId') : named('clientSecret')} is not set for ${host}: set ${named('clientId')} to the service principal's application id and ${named('clientSecret')} to one of its OAuth secrets.`,
        'oauth-m2m'
      )
    return createOAuthM2MProvider(host, values.clientId, values.clientSecret, {
      describe: `the OAuth client ${values.clientId} (from ${named('clientId')}) with the secret from ${named('clientSecret')}`,
      fix: `check ${named('clientId')} (the service principal's application id) and ${named('clientSecret')} (an OAuth secret of that service principal that has not expired)`
    })
  }
  const oidc = () => {
    if (idTokenUrl === undefined || idTokenRequest === undefined)
      throw new DatabricksAuthError(
        `${named('authType')} is "github-oidc" but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: run in a GitHub Actions job with \`permissions: id-token: write\`, and set DATABRICKS_CLIENT_ID to the service principal's application id.`,
        'github-oidc'
      )
    const audience = values.audience ?? `${host}${TOKEN_PATH}`
    const client = values.clientId ?? '(account-wide federation)'
    return createGitHubOidcProvider(
      host,
      values.clientId,
      audience,
      { requestUrl: idTokenUrl, requestToken: idTokenRequest },
      {
        describe: `the GitHub Actions ID token exchanged for service principal ${client}`,
        fix: `check ${named('clientId')} and that the service principal has a federation policy with issuer https://token.actions.githubusercontent.com, audience ${audience}, and this workflow's subject (e.g. repo:<owner>/<repo>:environment:<name>)`
      }
    )
  }
  if (forced !== undefined) {
    switch (forced.toLowerCase()) {
      case 'pat':
        return pat()
      case 'oauth-m2m':
        return m2m()
      case 'github-oidc':
        return oidc()
      default:
        throw new DatabricksAuthError(
          `auth type "${forced}" (from ${named('authType')}) is not supported by dtflw: use pat, oauth-m2m or github-oidc, or unset ${named('authType')}.`
        )
    }
  }
  if (values.token !== undefined) return pat()
  if (values.clientId !== undefined && values.clientSecret !== undefined)
    return m2m()
  if (values.clientId !== undefined && idTokenUrl && idTokenRequest)
    return oidc()
  throw new DatabricksAuthError(
    `no Databricks credentials for ${host}: ${NO_CREDENTIALS_ADVICE}.`
  )
}

function withoutCredentials(layer: Layer): Layer {
  const values = { ...layer.values }
  for (const attr of CREDENTIAL_ATTRS) delete values[attr]
  return { ...layer, values }
}

function layerOfExplicit(explicit: ExplicitCredentials): Layer {
  const source = explicit.source ?? 'the explicit settings'
  return {
    values: compact({
      host: explicit.host,
      token: explicit.token,
      clientId: explicit.clientId,
      clientSecret: explicit.clientSecret,
      authType: explicit.authType
    }),
    name: (attr) => `the ${EXPLICIT_NAMES[attr]} in ${source}`
  }
}

function layerOfEnv(env: Readonly<Record<string, string | undefined>>): Layer {
  return {
    values: compact({
      host: env.DATABRICKS_HOST,
      token: env.DATABRICKS_TOKEN,
      clientId: env.DATABRICKS_CLIENT_ID,
      clientSecret: env.DATABRICKS_CLIENT_SECRET,
      authType: env.DATABRICKS_AUTH_TYPE,
      audience: env.DATABRICKS_TOKEN_AUDIENCE
    }),
    name: (attr) => ENV_NAMES[attr]
  }
}

function profileLayer(
  profile: { file: ConfigFile; keys: ReadonlyMap<string, string> },
  name: string
): Layer {
  const values = compact(
    Object.fromEntries(
      (Object.keys(CONFIG_KEYS) as Attr[]).map((attr) => [
        attr,
        profile.keys.get(CONFIG_KEYS[attr])
      ])
    ) as Partial<Record<Attr, string | undefined>>
  )
  return {
    values,
    name: (attr) =>
      `${CONFIG_KEYS[attr]} in profile "${name}" of ${profile.file.path}`
  }
}

/** The profile asked for by name, and who asked (for messages). */
interface SelectedProfile {
  readonly name: string
  readonly by: string
}

function selectedProfile(
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

function requireProfile(
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
function matchingProfile(
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

function sameHost(a: string | undefined, b: string): boolean {
  if (a === undefined) return false
  try {
    return normalizeHost(a) === normalizeHost(b)
  } catch {
    return false
  }
}

async function loadConfig(
  read: (path: string) => Promise<string | undefined>,
  configPath: string
): Promise<ConfigFile | undefined> {
  const text = await read(configPath)
  return text === undefined ? undefined : parseConfigFile(text, configPath)
}

function configFilePath(
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string
): string {
  const given = nonEmpty(env.DATABRICKS_CONFIG_FILE)
  if (given === undefined) return path.join(homeDir, '.databrickscfg')
  if (given === '~') return homeDir
  if (given.startsWith('~/')) return path.join(homeDir, given.slice(2))
  return given
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new DatabricksAuthError(
      `cannot read the Databricks config file ${file}: ${(error as Error).message}.`
    )
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function compact(
  values: Partial<Record<Attr, string | undefined>>
): Partial<Record<Attr, string>> {
  const out: Partial<Record<Attr, string>> = {}
  for (const [attr, value] of Object.entries(values) as [
    Attr,
    string | undefined
  ][]) {
    const v = nonEmpty(value)
    if (v !== undefined) out[attr] = v
  }
  return out
}
