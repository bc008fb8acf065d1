export type {
  Flow,
  Step,
  Edge,
  EdgeKind,
  ResolvedInput,
  ResolvedOutput,
  Plan,
  PlannedStep,
  PlannedInput,
  PlannedOutput,
  PlannedSource,
  TableLocation
} from './types.js'
export { buildFlow } from './build.js'
export type { BuiltFlow } from './build.js'
export { planFlow, assemblePlan } from './plan.js'
export type { PlanContext } from './plan.js'
export { checkProfileAgainstFlow } from './profile-checks.js'
export {
  applySelection,
  selectSteps,
  deferInputs,
  reachable
} from './select.js'
export type { SelectionTerm } from './select.js'
export {
  locationValue,
  locationKey,
  defaultOutputLocation,
  explicitLocation
} from './locations.js'
export {
  computeLevels,
  computeCriticalPath,
  adjacencyOf,
  reachableFrom
} from './graph.js'
export type { Direction, GraphEdge } from './graph.js'
export {
  fingerprintSteps,
  changedSteps,
  normaliseNotebook
} from './fingerprint.js'
export type { ChangedSteps } from './fingerprint.js'
