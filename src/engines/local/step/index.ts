// One step on the local engine (`executeLocalStep`), as named phases:
// prepare (outputs resolved, the lazy skip, inputs checked), stage (outputs
// at their staging places, the notebook's parameters), execute (the
// notebook under the run guard), check (the run, the outputs and their
// columns), publish (outputs moved into place) and clean up; with the
// step's log, private folder and timeout.
export { executeLocalStep } from './step.js'
export type { LocalStepSettings } from './step-run.js'
