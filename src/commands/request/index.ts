// The request of each command: the option table, the command table, the
// union derived from them, and the checks both entry points share.
export { buildRequest, draftRequest } from './build.js'
export { COMMAND_NAMES, commandSpec, optionsOf } from './commands.js'
export type { CommandName } from './commands.js'
export { parseDuration, parseWait } from './durations.js'
export { OPTION_FIELDS, optionSpec } from './options.js'
export type {
  LineageFormat,
  OPTION_SPECS,
  OptionField,
  OptionSpec
} from './options.js'
export { redeployCommand } from './redeploy.js'
export type {
  AddRequest,
  CancelRequest,
  CleanupRequest,
  CommandRequest,
  DeployRequest,
  DraftValue,
  ExplainRequest,
  LineageRequest,
  Located,
  PlanRequest,
  PromoteRequest,
  RequestDraft,
  RequestMap,
  RunRequest,
  ValidateRequest,
  WidgetsRequest
} from './union.js'
export { mustBe, splitList } from './values.js'
