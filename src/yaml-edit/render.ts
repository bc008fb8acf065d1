import { parse } from 'yaml'

/**
 * New YAML values as text, written the way the templates and the prettier
 * style write them: block maps, `[a, b]` for lists of scalars, `{ a: b }`
 * for the maps passed through `inline`.
 */

/** Maps to write in flow style, `{ a: b }`. */
const INLINE = new WeakSet<object>()

/** Marks a map to be written on one line, `{ path: a.csv, format: csv }`. */
export function inline<T extends object>(value: T): T {
  INLINE.add(value)
  return value
}

/**
 * A string as a plain scalar when YAML reads it back as the same string in
 * that context, else double-quoted.
 */
export function renderScalar(value: unknown, inFlow: boolean): string {
  if (typeof value !== 'string') return String(value)
  if (value !== '' && value.trim() === value && !value.includes('\n')) {
    try {
      const back: unknown = inFlow ? parse(`[${value}]`) : parse(`k: ${value}`)
      const read = inFlow
        ? (back as unknown[] | null)?.[0]
        : (back as Record<string, unknown> | null)?.k
      if (read === value && (!inFlow || (back as unknown[]).length === 1)) {
        return value
      }
    } catch {
      // Not plain: quoted below.
    }
  }
  return JSON.stringify(value)
}

/** A map: an object that is not an array. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isFlow(value: unknown): boolean {
  if (Array.isArray(value))
    return value.every((v) => !isPlainObject(v) && !Array.isArray(v))
  return isPlainObject(value) && INLINE.has(value)
}

/** Whether a value is written as a block below its key (not on one line). */
export function isBlock(value: unknown): value is object {
  if (!isPlainObject(value) && !Array.isArray(value)) return false
  if (isFlow(value)) return false
  return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0
}

/** Whether a value is a list or a map, which never replaces a scalar in place. */
export function isCollection(value: unknown): boolean {
  return isPlainObject(value) || Array.isArray(value)
}

/** A value on one line: a scalar, `[a, b]` or `{ a: b }`. */
export function renderInline(value: unknown, inFlow: boolean): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => renderInline(v, true)).join(', ')}]`
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
    if (entries.length === 0) return '{}'
    return `{ ${entries.map(([k, v]) => `${renderScalar(k, true)}: ${renderInline(v, true)}`).join(', ')} }`
  }
  return renderScalar(value, inFlow)
}

/**
 * The lines of `key: value` at `indent`: one line for scalars and flow
 * values, else the key and its block below.
 */
export function renderPair(
  key: string,
  value: unknown,
  indent: string
): string[] {
  const k = `${indent}${renderScalar(key, false)}:`
  if (isBlock(value)) return [k, ...renderBlock(value, `${indent}  `)]
  return [`${k} ${renderInline(value, false)}`]
}

/** A block map or sequence, each line at `indent`. */
export function renderBlock(value: object, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => {
      if (!isBlock(item)) return [`${indent}- ${renderInline(item, false)}`]
      const inner = Array.isArray(item)
        ? renderBlock(item, `${indent}  `)
        : Object.entries(item).flatMap(([k, v]) =>
            renderPair(k, v, `${indent}  `)
          )
      return [
        `${indent}- ${inner[0].slice(indent.length + 2)}`,
        ...inner.slice(1)
      ]
    })
  }
  return Object.entries(value).flatMap(([k, v]) => renderPair(k, v, indent))
}
