/**
 * GitHub Actions expressions (`${{ … }}` and `if:`), evaluated as the
 * runner does: literals, context paths with `.name` and `[expr]`, `!`,
 * comparisons (strings case-insensitively), `&&` and `||` returning an
 * operand, and the functions workflows use. A stand-in for the runner's
 * evaluator in tests that run the workflow files a generator writes; an
 * expression it cannot read is an error, never a silent empty string.
 */

/** A value an expression yields. */
export type Value =
  | null
  | boolean
  | number
  | string
  | readonly Value[]
  | { readonly [key: string]: Value }

/** What an expression can see. */
export interface ExpressionScope {
  /** `github`, `env`, `secrets`, `steps`, `needs`, `inputs`, `runner`, `job`, `vars`. */
  readonly contexts: Readonly<Record<string, Value>>
  /** The status functions: the job's or step's standing so far. */
  readonly status: {
    readonly success: boolean
    readonly failure: boolean
    readonly cancelled: boolean
  }
  /** `hashFiles(...)`: a hash of the matching files, '' for none. */
  readonly hashFiles: (patterns: readonly string[]) => string
}

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'id'; value: string }
  | { kind: 'op'; value: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated string in ${text}`)
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'"
            i += 2
            continue
          }
          i++
          break
        }
        value += text[i++]
      }
      tokens.push({ kind: 'str', value })
      continue
    }
    const two = text.slice(i, i + 2)
    if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
      tokens.push({ kind: 'op', value: two })
      i += 2
      continue
    }
    if ('!<>()[].,*'.includes(c)) {
      tokens.push({ kind: 'op', value: c })
      i++
      continue
    }
    const number = /^-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?)/.exec(
      text.slice(i)
    )
    if (number && (c === '-' || /\d/.test(c))) {
      tokens.push({ kind: 'num', value: Number(number[0]) })
      i += number[0].length
      continue
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))
    if (id) {
      tokens.push({ kind: 'id', value: id[0] })
      i += id[0].length
      continue
    }
    throw new Error(`unexpected "${c}" in expression ${text}`)
  }
  return tokens
}

/** Truthiness as GitHub defines it. */
export function truthy(value: Value): boolean {
  if (value === null || value === false) return false
  if (value === 0 || (typeof value === 'number' && Number.isNaN(value)))
    return false
  if (value === '') return false
  return true
}

/** A value as text: how `${{ }}` puts it into a string. */
export function toText(value: Value): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  return JSON.stringify(value, null, 2)
}

function toNumber(value: Value): number {
  if (value === null) return 0
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    if (value.trim() === '') return 0
    const n = Number(value)
    return Number.isNaN(n) ? NaN : n
  }
  return NaN
}

function looseEquals(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() === b.toLowerCase()
  if (
    a === null ||
    b === null ||
    typeof a === 'object' ||
    typeof b === 'object'
  ) {
    if (a === null && b === null) return true
    if (typeof a === 'object' && typeof b === 'object') return a === b
    if (a === null || b === null) {
      const other = a === null ? b : a
      return typeof other !== 'object' && toNumber(other) === 0
    }
    return false
  }
  if (typeof a === typeof b) return a === b
  return toNumber(a) === toNumber(b)
}

function compare(a: Value, b: Value, op: string): boolean {
  let x: number | string
  let y: number | string
  if (typeof a === 'string' && typeof b === 'string') {
    x = a.toLowerCase()
    y = b.toLowerCase()
  } else {
    x = toNumber(a)
    y = toNumber(b)
  }
  switch (op) {
    case '<':
      return x < y
    case '<=':
      return x <= y
    case '>':
      return x > y
    default:
      return x >= y
  }
}

/** Evaluates one expression (the inside of `${{ }}`, or an `if:`). */
export function evaluate(text: string, scope: ExpressionScope): Value {
  const tokens = tokenize(text)
  let at = 0
  const peek = () => tokens[at]
  const isOp = (value: string) =>
    peek()?.kind === 'op' && peek()!.value === value
  const expectOp = (value: string) => {
    if (!isOp(value)) throw new Error(`expected "${value}" in ${text}`)
    at++
  }

  const or = (): Value => {
    let left = and()
    while (isOp('||')) {
      at++
      const right = and()
      left = truthy(left) ? left : right
    }
    return left
  }
  const and = (): Value => {
    let left = equality()
    while (isOp('&&')) {
      at++
      const right = equality()
      left = truthy(left) ? right : left
    }
    return left
  }
  const equality = (): Value => {
    let left = comparison()
    while (isOp('==') || isOp('!=')) {
      const op = tokens[at++].value as string
      const right = comparison()
      left = op === '==' ? looseEquals(left, right) : !looseEquals(left, right)
    }
    return left
  }
  const comparison = (): Value => {
    let left = unary()
    while (isOp('<') || isOp('<=') || isOp('>') || isOp('>=')) {
      const op = tokens[at++].value as string
      left = compare(left, unary(), op)
    }
    return left
  }
  const unary = (): Value => {
    if (isOp('!')) {
      at++
      return !truthy(unary())
    }
    return postfix()
  }
  const postfix = (): Value => {
    let value = primary()
    for (;;) {
      if (isOp('.')) {
        at++
        const name = tokens[at++]
        if (name?.kind === 'op' && name.value === '*')
          throw new Error(`object filters are not supported: ${text}`)
        if (name?.kind !== 'id') throw new Error(`expected a name in ${text}`)
        value = property(value, name.value)
      } else if (isOp('[')) {
        at++
        const key = or()
        expectOp(']')
        value = property(value, toText(key))
      } else return value
    }
  }
  const property = (value: Value, name: string): Value => {
    if (value === null || typeof value !== 'object') return null
    if (Array.isArray(value)) {
      const index = Number(name)
      return Number.isInteger(index) ? (value[index] ?? null) : null
    }
    const record = value as Record<string, Value>
    const key = Object.keys(record).find(
      (k) => k.toLowerCase() === name.toLowerCase()
    )
    return key === undefined ? null : record[key]
  }
  const primary = (): Value => {
    const token = tokens[at++]
    if (!token) throw new Error(`unexpected end of expression ${text}`)
    if (token.kind === 'num') return token.value
    if (token.kind === 'str') return token.value
    if (token.kind === 'op' && token.value === '(') {
      const value = or()
      expectOp(')')
      return value
    }
    if (token.kind !== 'id')
      throw new Error(`unexpected "${token.value}" in ${text}`)
    const name = token.value
    if (name === 'true') return true
    if (name === 'false') return false
    if (name === 'null') return null
    if (isOp('(')) {
      at++
      const args: Value[] = []
      if (!isOp(')')) {
        args.push(or())
        while (isOp(',')) {
          at++
          args.push(or())
        }
      }
      expectOp(')')
      return call(name, args)
    }
    const context = Object.keys(scope.contexts).find(
      (k) => k.toLowerCase() === name.toLowerCase()
    )
    if (context === undefined)
      throw new Error(`unknown context "${name}" in ${text}`)
    return scope.contexts[context]
  }
  const call = (name: string, args: Value[]): Value => {
    switch (name.toLowerCase()) {
      case 'success':
        return scope.status.success
      case 'failure':
        return scope.status.failure
      case 'cancelled':
        return scope.status.cancelled
      case 'always':
        return true
      case 'contains': {
        const [haystack, needle] = args
        if (Array.isArray(haystack))
          return haystack.some((item) => looseEquals(item, needle))
        return toText(haystack)
          .toLowerCase()
          .includes(toText(needle).toLowerCase())
      }
      case 'startswith':
        return toText(args[0])
          .toLowerCase()
          .startsWith(toText(args[1]).toLowerCase())
      case 'endswith':
        return toText(args[0])
          .toLowerCase()
          .endsWith(toText(args[1]).toLowerCase())
      case 'format':
        return toText(args[0]).replace(/\{(\d+)\}/g, (_, i: string) =>
          toText(args[Number(i) + 1] ?? null)
        )
      case 'join':
        return Array.isArray(args[0])
          ? args[0]
              .map(toText)
              .join(args[1] === undefined ? ',' : toText(args[1]))
          : toText(args[0])
      case 'tojson':
        return JSON.stringify(args[0], null, 2)
      case 'fromjson':
        return JSON.parse(toText(args[0])) as Value
      case 'hashfiles':
        return scope.hashFiles(args.map(toText))
      default:
        throw new Error(`unknown function ${name}() in ${text}`)
    }
  }

  const value = or()
  if (at !== tokens.length) throw new Error(`unexpected tokens in ${text}`)
  return value
}

/** Whether an `if:` holds; without a status function it means `success() && (…)`. */
export function condition(
  text: string | boolean | undefined,
  scope: ExpressionScope
): boolean {
  if (text === undefined) return scope.status.success
  if (typeof text === 'boolean') return text && scope.status.success
  const inner = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)?.[1] ?? text
  const value = truthy(evaluate(inner, scope))
  return /\b(success|failure|cancelled|always)\s*\(/i.test(inner)
    ? value
    : scope.status.success && value
}

/** A string with its `${{ }}` parts replaced by their values. */
export function interpolate(text: string, scope: ExpressionScope): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner: string) =>
    toText(evaluate(inner, scope))
  )
}
