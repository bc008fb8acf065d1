import type { MapNode } from './node.js'

/** Environment variable names that look like they hold a secret. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i

/** True when an environment variable's value must never be shown. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

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

/** A name test for one profile: by the name's look, or by `secrets:`. */
export function secretTest(
  listed: readonly string[]
): (name: string) => boolean {
  const names = new Set(listed)
  return (name) => names.has(name) || isSecretName(name)
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
