// One step on the local engine (`executeLocalStep`), as named phases, with
// its log, its private folder and its timeout.
export { executeLocalStep } from './step.js'
export type { LocalStepSettings } from './step.js'
