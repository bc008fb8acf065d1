import type { MapNode } from './node.js'
import type { TemplateContext } from './types.js'

/** Environment variable names that look like they hold a secret. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i

/** True when an environment variable's value must never be shown. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

/**
 * Settings that name things rather than prove who you are, shown by every
 * tool that uses them (the workspace URL is in every run link): not
 * secrets because they sit in `.env` beside the token, as the generated
 * `.env.example` puts them. The Databricks SDKs mark the same settings as
 * not sensitive. `secrets:` can still list one.
 */
const SHOWN_SETTINGS = new Set([
  'DATABRICKS_HOST',
  'DATABRICKS_CLIENT_ID',
  'DATABRICKS_AUTH_TYPE',
  'DATABRICKS_CONFIG_PROFILE'
])

/**
 * The names a profile lists under `secrets:`: environment variables whose
 * values are secret although their names do not say so (`WAREHOUSE_DSN`).
 * Anything else under the key is left to the schema to report.
 */
export function listedSecrets(tree: MapNode): readonly string[] {
  const node = tree.entries.get('secrets')
  if (node?.kind !== 'list') return []
  return node.items.flatMap((item) =>
    item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []
  )
}

/**
 * A name test for one profile: by the name's look, by `secrets:`, or
 * because the value it has comes from `.env` (a real environment variable
 * of the same name with another value wins over `.env`, and is not).
 */
export function secretTest(
  listed: readonly string[],
  context: Pick<TemplateContext, 'env' | 'dotenv'> = { env: {} }
): (name: string) => boolean {
  const names = new Set(listed)
  const dotenv = context.dotenv
  return (name) =>
    names.has(name) ||
    isSecretName(name) ||
    (dotenv !== undefined &&
      !SHOWN_SETTINGS.has(name) &&
      Object.hasOwn(dotenv, name) &&
      context.env[name] === dotenv[name])
}

/**
 * Shorter values of the environment are not taken as secrets unless a
 * profile value uses them: `KEYTIMEOUT=1` would make every parameter
 * holding a `1` secret. Output masking skips them alike.
 */
const MIN_ENVIRONMENT_SECRET = 4

/**
 * The secret strings of an environment, used or not: the value of every
 * variable `isSecret` names, and every value of `.env` (a real variable
 * may hide one, which stays a secret all the same).
 */
export function environmentSecrets(
  context: Pick<TemplateContext, 'env' | 'dotenv'>,
  isSecret: (name: string) => boolean
): string[] {
  const found = new Set<string>()
  const keep = (value: string | undefined): value is string =>
    value !== undefined && value.length >= MIN_ENVIRONMENT_SECRET
  for (const [name, value] of Object.entries(context.env)) {
    if (keep(value) && isSecret(name)) found.add(value)
  }
  for (const [name, value] of Object.entries(context.dotenv ?? {})) {
    if (keep(value) && (!SHOWN_SETTINGS.has(name) || isSecret(name)))
      found.add(value)
  }
  return [...found]
}

/**
 * `text` with every secret string replaced by `***`, longest first, so a
 * secret that contains another is masked whole. For messages that show a
 * resolved value (a location built from a secret root, say).
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) out = out.split(secret).join('***')
  }
  return out
}
