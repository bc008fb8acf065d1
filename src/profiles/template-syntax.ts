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
