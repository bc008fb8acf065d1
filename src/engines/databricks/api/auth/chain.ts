import { ConflictingCredentialsError, DatabricksAuthError } from '../errors.js'
import { normalizeHost } from '../host.js'
import { createGitHubOidcProvider } from './github-oidc.js'
import {
  CREDENTIAL_ATTRS,
  ENV_NAMES,
  layerOfEnv,
  layerOfExplicit,
  merge,
  nonEmpty,
  profileLayer,
  withoutCredentials,
  type Attr,
  type ExplicitCredentials,
  type Layer,
  type Merged
} from './layers.js'
import { createOAuthM2MProvider } from './oauth-m2m.js'
import { createPatProvider } from './pat.js'
import {
  configFilePath,
  loadConfig,
  matchingProfile,
  readIfExists,
  requireProfile,
  sameHost,
  selectedProfile
} from './profiles.js'
import { TOKEN_PATH } from './token-response.js'
import type { AuthMethod, CredentialsProvider } from './types.js'

export type { ExplicitCredentials } from './layers.js'

/** Everything `resolveCredentials` reads; nothing comes from globals. */
export interface ResolveCredentialsOptions {
  readonly explicit?: ExplicitCredentials
  /**
   * The workspace the pipeline's profile names (`workspace.host`), and how
   * to name it in messages. It decides the host; credentials from any
   * layer that name another host are refused, never sent there.
   */
  readonly workspaceHost?: { readonly value: string; readonly name: string }
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
  const wanted = options.workspaceHost
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
          : matchingProfile(file, wanted?.value ?? given.values.host)
      if (profile !== undefined)
        layers.push(profileLayer(profile.file, profile.name))
    }
  }
  const merged = merge(layers)
  const rawHost = wanted?.value ?? merged.values.host
  if (rawHost === undefined)
    throw new DatabricksAuthError(
      `no Databricks host: set DATABRICKS_HOST (or workspace.host in the profile, or host in a ~/.databrickscfg profile) to the workspace URL; and for credentials, ${NO_CREDENTIALS_ADVICE}.`
    )
  const host = normalizeHost(rawHost)
  if (wanted !== undefined) refuseOtherHosts(host, wanted.name, merged, layers)
  const provider = chooseProvider(host, merged, env)
  return { host, provider, method: provider.method }
}

/**
 * Refuses credentials from a layer that names a host other than the
 * profile's workspace: they belong to that other workspace, and sending
 * them here would fail with a misleading "invalid token" (or leak them).
 */
function refuseOtherHosts(
  host: string,
  hostName: string,
  merged: Merged,
  layers: readonly Layer[]
): void {
  for (const layer of layers) {
    const other = layer.values.host
    if (other === undefined || sameHost(other, host)) continue
    if (!CREDENTIAL_ATTRS.some((a) => merged.from[a] === layer)) continue
    throw new ConflictingCredentialsError(
      `${hostName} is ${host}, but ${layer.name('host')} is ${other}: the credentials are for one workspace. Make them agree: set workspace.host to \${DATABRICKS_HOST} (or remove it), or point ${layer.name('host')} at ${host}.`
    )
  }
}

/** Every secret the credentials hold, to register for masking. */
export function secretsOf(
  credentials: ResolvedCredentials | CredentialsProvider
): readonly string[] {
  const provider =
    'provider' in credentials ? credentials.provider : credentials
  return provider.secrets.filter((s) => s !== '')
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
  const oauth = (['clientId', 'clientSecret'] as const).filter(
    (a) => values[a] !== undefined
  )
  if (values.token !== undefined && oauth.length > 0)
    // As the SDKs do: two methods and no auth type is a question, not a
    // choice to make silently.
    throw new ConflictingCredentialsError(
      `more than one way to sign in to ${host}: a token (${named('token')}) and an OAuth client (${oauth.map(named).join(' and ')}). Keep one, or set DATABRICKS_AUTH_TYPE to pat, oauth-m2m or github-oidc to choose.`
    )
  if (values.token !== undefined) return pat()
  if (values.clientId !== undefined && values.clientSecret !== undefined)
    return m2m()
  if (values.clientId !== undefined && idTokenUrl && idTokenRequest)
    return oidc()
  throw new DatabricksAuthError(
    `no Databricks credentials for ${host}: ${NO_CREDENTIALS_ADVICE}.`
  )
}
