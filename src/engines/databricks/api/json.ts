/** JSON that could not be read without losing information. */
export class UnsafeJsonError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsafeJsonError'
  }
}

/** The third argument V8 passes to a `JSON.parse` reviver (source access). */
interface ReviverContext {
  readonly source?: string
}

/**
 * Parses a response body. Ids (`run_id`, `job_id`, `object_id`) are int64;
 * today's values (~1e15) fit a JS number exactly, and if one ever does not,
 * this throws instead of silently rounding it to another run's id.
 * Throws `SyntaxError` for text that is not JSON.
 */
export function parseJsonBody(text: string): unknown {
  return JSON.parse(text, function (
    this: unknown,
    key: string,
    value: unknown,
    context?: ReviverContext
  ) {
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      !Number.isSafeInteger(value) &&
      context?.source !== undefined &&
      /^-?\d+$/.test(context.source)
    )
      throw new UnsafeJsonError(
        `the field "${key}" holds ${context.source}, beyond the integers JavaScript represents exactly`
      )
    return value
  } as (key: string, value: unknown) => unknown)
}
