// What a run keeps of the text a notebook wrote (its exit value, its error,
// its output): secrets masked and length bounded, once, as a step ends, so
// the report, the event log, the terminal, the CI log and the comment all
// show the same safe copy. How it is shown (escaped, cut to a line) is the
// renderers' business.
import { boundTail, boundText } from '../diagnostics/index.js'
import type { StepEvent } from './run-events.js'
import type { StepError, StepResult } from './types.js'

/** Characters of an exit value a report keeps (64 KiB). */
export const EXIT_VALUE_KEPT = 65_536
/** Characters of an error message a report keeps. */
export const ERROR_MESSAGE_KEPT = 4_096
/** Characters of an error's detail (a traceback) a report keeps: its end. */
const ERROR_DETAIL_KEPT = 65_536
/** Characters of a step's last output lines a report keeps: their end. */
const OUTPUT_KEPT = 8_192
/** Characters of one output line the event log keeps. */
const LOG_LINE_KEPT = 8_192

/** `1234567` as `1,234,567`. */
function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** A line of text, masked, at most `max` characters, saying what it cut. */
function boundLine(text: string, max: number): string {
  const kept = boundText(text, max)
  return kept.cut > 0
    ? `${kept.text}… (${count(kept.cut)} more characters)`
    : kept.text
}

function boundError(error: StepError, mask: (text: string) => string) {
  return {
    ...error,
    message: boundLine(mask(error.message), ERROR_MESSAGE_KEPT),
    ...(error.detail !== undefined
      ? { detail: boundTail(mask(error.detail), ERROR_DETAIL_KEPT) }
      : {})
  }
}

/**
 * A step's result with what the notebook wrote masked and bounded: the
 * exit value's first `EXIT_VALUE_KEPT` characters (and its whole length
 * when cut), the error message's first characters, the end of a traceback
 * and of the output.
 */
export function boundStepResult(
  result: StepResult,
  mask: (text: string) => string
): StepResult {
  let out = result
  if (result.exitValue !== undefined) {
    const kept = boundText(mask(result.exitValue), EXIT_VALUE_KEPT)
    out = {
      ...out,
      exitValue: kept.text,
      ...(kept.cut > 0 ? { exitValueLength: result.exitValue.length } : {})
    }
  }
  if (result.error) out = { ...out, error: boundError(result.error, mask) }
  if (result.output !== undefined) {
    out = { ...out, output: boundTail(mask(result.output), OUTPUT_KEPT) }
  }
  return out
}

/** An engine's event with the notebook's text masked and bounded. */
export function boundStepEvent(
  event: StepEvent,
  mask: (text: string) => string
): StepEvent {
  switch (event.type) {
    case 'step-finished':
      return { ...event, result: boundStepResult(event.result, mask) }
    case 'step-log':
      return { ...event, line: boundLine(mask(event.line), LOG_LINE_KEPT) }
    default:
      return event
  }
}
