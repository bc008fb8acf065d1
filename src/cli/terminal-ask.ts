import { createInterface } from 'node:readline/promises'
import type { AddQuestion } from '../commands/index.js'

/** Answers by question name. */
type Answers = Record<string, unknown>

/**
 * An `ask` for `dtflw add` on a terminal: each question on one line, its
 * default in parentheses (Enter takes it), asked again with the reason
 * until the answer passes its check; a question whose `when` does not hold
 * for the answers so far is skipped, as Inquirer does.
 */
export function createTerminalAsk(io: {
  readonly input: NodeJS.ReadableStream
  readonly output: { write(s: string): unknown }
}): (questions: readonly AddQuestion[]) => Promise<Answers> {
  return async (questions) => {
    const rl = createInterface({ input: io.input, terminal: false })
    // Lines typed ahead (or piped) wait here until their question comes.
    const lines = rl[Symbol.asyncIterator]()
    const answers: Answers = {}
    try {
      for (const q of questions) {
        if (q.when && !q.when(answers)) continue
        const fallback =
          typeof q.default === 'function'
            ? q.default(answers)
            : (q.default ?? '')
        for (;;) {
          const hint = fallback ? ` (${fallback})` : ''
          io.output.write(`? ${q.message}${hint}: `)
          const next = await lines.next()
          const value = (next.done ? '' : String(next.value).trim()) || fallback
          const check = q.validate(value, answers)
          if (check === true) {
            answers[q.name] = value
            break
          }
          io.output.write(`  ${check}\n`)
          if (next.done)
            throw new Error(`no answer to "${q.message}": input ended`)
        }
      }
    } finally {
      rl.close()
    }
    return answers
  }
}
