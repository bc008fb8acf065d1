import type { StepError } from '../../../report/index.js'

/**
 * Thrown inside a local step to end it as `failed` with this error. It never
 * leaves the local engine: the step executor turns it into the step's
 * result.
 */
export class StepFailure extends Error {
  constructor(readonly error: StepError) {
    super(error.message)
    this.name = 'StepFailure'
  }
}
