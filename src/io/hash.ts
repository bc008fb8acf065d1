import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'

/** Hex SHA-256 of a string or bytes. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Hex SHA-256 of a file's bytes. */
export async function hashFile(file: string): Promise<string> {
  return sha256(await readFile(file))
}

/**
 * A hash of a JSON-like value that does not depend on key order, so two runs
 * that build the same object in a different order agree.
 */
export function stableHash(value: unknown): string {
  return sha256(stableStringify(value))
}

/** JSON with object keys sorted at every depth. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
}
