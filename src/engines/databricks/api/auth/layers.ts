import type { ConfigFile } from './config-file.js'

// Credentials settings come in layers (explicit values, the environment, a
// .databrickscfg profile); each layer knows how to name its keys, so an
// error can say exactly what to set.

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
  /** How messages name each value, e.g. `the input databricks-token`. */
  readonly names?: Readonly<Partial<Record<Attr, string>>>
}

/** A setting that may come from any layer. */
export type Attr =
  'host' | 'token' | 'clientId' | 'clientSecret' | 'authType' | 'audience'

/** One source of settings and how to name its keys in messages. */
export interface Layer {
  readonly values: Partial<Record<Attr, string>>
  readonly name: (attr: Attr) => string
}

/** The environment variable of each setting. */
export const ENV_NAMES: Record<Attr, string> = {
  host: 'DATABRICKS_HOST',
  token: 'DATABRICKS_TOKEN',
  clientId: 'DATABRICKS_CLIENT_ID',
  clientSecret: 'DATABRICKS_CLIENT_SECRET',
  authType: 'DATABRICKS_AUTH_TYPE',
  audience: 'DATABRICKS_TOKEN_AUDIENCE'
}

/** The `.databrickscfg` key of each setting. */
export const CONFIG_KEYS: Record<Attr, string> = {
  host: 'host',
  token: 'token',
  clientId: 'client_id',
  clientSecret: 'client_secret',
  authType: 'auth_type',
  audience: 'audience'
}

/** How messages name each explicit setting. */
export const EXPLICIT_NAMES: Record<Attr, string> = {
  host: 'host',
  token: 'token',
  clientId: 'client id',
  clientSecret: 'client secret',
  authType: 'auth type',
  audience: 'audience'
}

/** The settings that are credentials. */
export const CREDENTIAL_ATTRS: readonly Attr[] = [
  'token',
  'clientId',
  'clientSecret'
]

/** Settings merged over layers, each with the layer it came from. */
export interface Merged {
  readonly values: Partial<Record<Attr, string>>
  readonly from: Partial<Record<Attr, Layer>>
}

/** Merges layers; the first that sets a value wins. */
export function merge(layers: readonly Layer[]): Merged {
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

/** The layer without its credentials (only its host and auth type). */
export function withoutCredentials(layer: Layer): Layer {
  const values = { ...layer.values }
  for (const attr of CREDENTIAL_ATTRS) delete values[attr]
  return { ...layer, values }
}

/** The layer of values given explicitly. */
export function layerOfExplicit(explicit: ExplicitCredentials): Layer {
  const source = explicit.source ?? 'the explicit settings'
  return {
    values: compact({
      host: explicit.host,
      token: explicit.token,
      clientId: explicit.clientId,
      clientSecret: explicit.clientSecret,
      authType: explicit.authType
    }),
    name: (attr) =>
      explicit.names?.[attr] ?? `the ${EXPLICIT_NAMES[attr]} in ${source}`
  }
}

/** The layer of `DATABRICKS_*` variables. */
export function layerOfEnv(
  env: Readonly<Record<string, string | undefined>>
): Layer {
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

/** The layer of one `.databrickscfg` profile. */
export function profileLayer(
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

/** The trimmed value, `undefined` when empty. */
export function nonEmpty(value: string | undefined): string | undefined {
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
