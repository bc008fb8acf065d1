/** A run of literal text, or one `${…}` reference as written. */
export type TemplatePart =
  { readonly literal: string } | { readonly ref: string; readonly raw: string }

/** Splits text into literals and `${…}` references; `$${` is a literal `${`. */
export function splitTemplate(
  text: string
): { parts: TemplatePart[] } | { error: string } {
  const parts: TemplatePart[] = []
  let literal = ''
  let i = 0
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      literal += '${'
      i += 3
    } else if (text.startsWith('${', i)) {
      const end = closingBrace(text, i + 2)
      if (end < 0) {
        return {
          error: `"${text}" opens \${ without a closing }; write $\${ for a literal \${`
        }
      }
      if (literal) parts.push({ literal })
      literal = ''
      parts.push({ ref: text.slice(i + 2, end), raw: text.slice(i, end + 1) })
      i = end + 1
    } else {
      literal += text[i]
      i++
    }
  }
  if (literal) parts.push({ literal })
  return { parts }
}

function closingBrace(text: string, from: number): number {
  let depth = 1
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** What one `${…}` refers to. */
export interface TemplateReference {
  readonly kind: 'env' | 'var' | 'profile' | 'pipeline' | 'git.sha' | 'preview'
  /** The variable's name (`var` and `env`), else the kind. */
  readonly name: string
  /** The text after `:-`, when there is one. */
  readonly fallback?: string
}

const REFERENCE =
  /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(?::-([\s\S]*))?$/

/**
 * Reads the inside of a `${…}`: `NAME`, `NAME:-default`, `var.NAME`,
 * `profile`, `pipeline`, `git.sha`, `preview`. Anything else is an error
 * that carries the name as far as it could be read, for suggestions.
 */
export function parseReference(
  ref: string
): TemplateReference | { readonly error: true; readonly name?: string } {
  const m = REFERENCE.exec(ref.trim())
  const name = m?.[1]
  const fallback = m?.[2]
  if (name === undefined) return { error: true }
  const extra = fallback === undefined ? {} : { fallback }
  if (name.startsWith('var.'))
    return { kind: 'var', name: name.slice(4), ...extra }
  if (name === 'git.sha') return { kind: 'git.sha', name, ...extra }
  if (name.includes('.')) return { error: true, name }
  if (name === 'profile' || name === 'pipeline' || name === 'preview') {
    return { kind: name, name, ...extra }
  }
  return { kind: 'env', name, ...extra }
}
