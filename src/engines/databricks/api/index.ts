export { createDatabricksClient } from './client.js'
export type { DatabricksClient, DatabricksClientConfig } from './client.js'
export type { WorkspaceApi } from './workspace.js'
export type { JobsApi } from './jobs.js'
export type { CatalogApi } from './catalog.js'
export type { FilesApi } from './files.js'
export type { ScimApi } from './scim.js'
export type { CallOptions } from './request.js'
export type { RequestLogEntry } from './http.js'
export {
  DatabricksApiError,
  ConflictingCredentialsError,
  DatabricksAuthError,
  DatabricksNetworkError,
  InsecureHostError,
  categorize
} from './errors.js'
export type {
  ApiErrorCategory,
  ApiErrorFields,
  NetworkFailure
} from './errors.js'
export { parseErrorBody } from './error-body.js'
export type { ErrorBody } from './error-body.js'
export {
  DEFAULT_RETRY_POLICY,
  isRetryable,
  mayReplay,
  retryDelayMs,
  wasNotActedOn,
  withRetries
} from './retry.js'
export type { RetryClock, RetryPolicy, WithRetriesOptions } from './retry.js'
export {
  PUBLISHED_RATE_LIMITS,
  createPacer,
  endpointFamily,
  workspacePacer
} from './rate-limit.js'
export type { Pacer, PacerClock, RateLimits } from './rate-limit.js'
export { normalizeHost, isLoopback, assertSecureUrl } from './host.js'
export { resolveCredentials, secretsOf, parseConfigFile } from './auth/index.js'
export type {
  AccessToken,
  AuthMethod,
  ConfigFile,
  CredentialOrigin,
  CredentialsProvider,
  ExplicitCredentials,
  ResolveCredentialsOptions,
  ResolvedCredentials,
  TokenExchange
} from './auth/index.js'
export type {
  WorkspaceObjectType,
  NotebookLanguage,
  WorkspaceFormat,
  ObjectInfo,
  WorkspaceImport,
  WorkspaceExport,
  RunIf,
  TaskDependency,
  NotebookTask,
  ClusterSpec,
  Library,
  SubmitTask,
  JobEnvironment,
  AccessControlRequest,
  SubmitRunRequest,
  SubmitRunResponse,
  RunLifeCycleState,
  RunResultState,
  RunState,
  TerminationDetails,
  RunStatus,
  RunTask,
  Run,
  NotebookOutput,
  RunOutput,
  ListRunsRequest,
  ListRunsResponse,
  ColumnInfo,
  TableInfo,
  SchemaInfo,
  FileStatus,
  DirectoryEntry,
  DirectoryPage,
  DbfsFileInfo,
  CurrentUser
} from './types.js'
