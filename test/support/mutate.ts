/**
 * Seeded mutations of text files for fuzz tests: the same seed gives the
 * same texts on every run, so a failure can be reproduced from its output.
 */

/** A small deterministic generator (a linear congruential one). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const PIECES = [
  ':',
  ': ',
  '-',
  '- ',
  ' ',
  '  ',
  '\n',
  '#',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!x ',
  '|',
  '>',
  '?',
  '${',
  '}',
  '${var.x}',
  '${X:-d}',
  '$${',
  '\t',
  '\r\n',
  'null',
  '~',
  '1',
  '-1.5',
  'true',
  '.inf',
  '0x1F',
  '__proto__',
  'toString',
  'constructor',
  '../',
  '/',
  '\\',
  'é',
  '\u0000',
  'x'.repeat(40)
]

/** `count` texts, each one of `texts` changed in one to three places. */
export function* mutations(
  texts: readonly string[],
  count: number,
  seed: number
): Generator<string> {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)]
  for (let n = 0; n < count; n++) {
    let text = pick(texts)
    const edits = 1 + Math.floor(random() * 3)
    for (let e = 0; e < edits; e++) text = mutate(text, random, pick)
    yield text
  }
}

function mutate(
  text: string,
  random: () => number,
  pick: <T>(list: readonly T[]) => T
): string {
  const at = Math.floor(random() * (text.length + 1))
  const lines = text.split('\n')
  const line = Math.floor(random() * lines.length)
  switch (Math.floor(random() * 7)) {
    case 0:
      return text.slice(0, at)
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4))
    case 2:
      return text.slice(0, at) + pick(PIECES) + text.slice(at)
    case 3:
      lines.splice(line, 0, lines[line])
      return lines.join('\n')
    case 4:
      lines[line] = ' '.repeat(1 + Math.floor(random() * 3)) + lines[line]
      return lines.join('\n')
    case 5:
      lines[line] = lines[line].replace(/^ {1,2}/, '')
      return lines.join('\n')
    default: {
      const other = Math.floor(random() * lines.length)
      ;[lines[line], lines[other]] = [lines[other], lines[line]]
      return lines.join('\n')
    }
  }
}
