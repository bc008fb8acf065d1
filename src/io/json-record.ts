/**
 * A small JSON record written by dtflw itself (a lock, the Action's saved
 * state), or undefined when the text is missing, is not JSON, or lacks one
 * of the string fields the reader relies on: such a record is treated as
 * absent, never as a crash.
 */
export function parseJsonRecord<T extends object>(
  text: string | undefined,
  stringFields: readonly (keyof T & string)[]
): T | undefined {
  if (!text) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined
  const fields = value as Record<string, unknown>
  return stringFields.every((field) => typeof fields[field] === 'string')
    ? (value as T)
    : undefined
}
