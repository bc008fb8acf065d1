/** The run's signal and a timer: what a step runs under. */
export interface StepTimeout {
  /** Aborted when the run is cancelled or the step has run too long. */
  readonly signal: AbortSignal
  clear(): void
}

/** The run's signal, aborted also once the step has run `seconds`. */
export function startTimeout(
  signal: AbortSignal,
  seconds: number | undefined
): StepTimeout {
  if (!seconds) return { signal, clear: () => undefined }
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  signal.addEventListener('abort', stop, { once: true })
  if (signal.aborted) stop()
  const timer = setTimeout(stop, seconds * 1000)
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', stop)
    }
  }
}
