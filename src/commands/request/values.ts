import type { OptionSpec } from './options.js'

/** A `list` option's text as its items: `a, b,c` → `['a', 'b', 'c']`. */
export function splitList(text: string): string[]
export function splitList(text: string | undefined): string[] | undefined
export function splitList(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** What a value of the option must be, as messages say it. */
export function mustBe(spec: OptionSpec): string {
  if (spec.mustBe) return spec.mustBe
  if (spec.kind === 'count') return 'a positive whole number'
  const choices = spec.choices ?? []
  return choices.length === 2
    ? `${choices[0]} or ${choices[1]}`
    : `one of ${choices.join(', ')}`
}

/** Whether a value (as an entry point handed it over) is one the option takes. */
export function isValidValue(spec: OptionSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'count':
      return Number.isInteger(value) && (value as number) > 0
    case 'choice':
      return (spec.choices ?? []).includes(value as string)
    case 'text':
      return spec.valid ? spec.valid(value as string) : true
    default:
      return true
  }
}
