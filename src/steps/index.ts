export { addStep } from './add-step.js'
export { prepareStep } from './prepare-step.js'
export type { Answers, StepQuestion } from './questions.js'
export { listTemplates } from './templates/index.js'
export type {
  DescribeTable,
  NotebookTemplate,
  TableDescription
} from './templates/index.js'
export type {
  AddedStep,
  AddStepOptions,
  AddStepResult,
  PreparedStep,
  StepFile
} from './types.js'
