// Compile-time checks of the request types derived from COMMAND_SPECS and
// the option table: `npm run typecheck` fails when an expected error
// below stops being one, i.e. when the union no longer says what each
// command takes and needs.
import type {
  CancelRequest,
  CleanupRequest,
  CommandRequest,
  LineageRequest,
  PlanRequest,
  PromoteRequest,
  RequestDraft,
  WidgetsRequest
} from '../../../src/commands/request/index.js'

export const plan: PlanRequest = {
  command: 'plan',
  cwd: '/repo',
  profile: 'test',
  changedSince: 'main',
  base: 'main',
  lineage: true
}

// @ts-expect-error plan does not take --lazy
export const lazyPlan: PlanRequest = { ...plan, lazy: true }

// @ts-expect-error plan needs its profile
export const planWithoutProfile: PlanRequest = { command: 'plan', cwd: '/' }

// @ts-expect-error cancel needs the run id
export const cancel: CancelRequest = {
  command: 'cancel',
  cwd: '/',
  profile: 'p'
}

// @ts-expect-error promote needs --to
export const promote: PromoteRequest = { command: 'promote', cwd: '/' }

// @ts-expect-error widgets needs its step
export const widgets: WidgetsRequest = { command: 'widgets', cwd: '/' }

export const lineage: LineageRequest = {
  command: 'lineage',
  cwd: '/',
  format: 'mermaid'
}

export const svg: LineageRequest = {
  command: 'lineage',
  cwd: '/',
  // @ts-expect-error a format is one of the lineage formats
  format: 'svg'
}

export const onePreview: CleanupRequest = {
  command: 'cleanup',
  cwd: '/',
  profile: 'test',
  preview: 'pr-7'
}

// @ts-expect-error cleanup takes a preview or an age, not both
export const both: CleanupRequest = { ...onePreview, stale: '7d' }

/** Every checked request is a draft `runCommand` accepts. */
export const drafts: readonly RequestDraft[] = [
  plan,
  lineage,
  onePreview
] satisfies readonly CommandRequest[]
