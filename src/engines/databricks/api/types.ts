// Request and response shapes of the Databricks REST API, with the field
// names the API uses (snake_case). Enumerations the docs say may grow are
// open unions (`… | (string & {})`), so an unknown value still type-checks
// and callers must handle it.

/** Any string the API may add later, next to the values we know. */
type Open<T extends string> = T | (string & {})

// ---- Workspace API 2.0 ----------------------------------------------------

/** The kind of a workspace object. */
export type WorkspaceObjectType = Open<
  'NOTEBOOK' | 'DIRECTORY' | 'FILE' | 'LIBRARY' | 'REPO' | 'DASHBOARD'
>

/** A notebook's language. */
export type NotebookLanguage = 'PYTHON' | 'SQL' | 'SCALA' | 'R'

/** The formats `workspace/import` and `workspace/export` accept. */
export type WorkspaceFormat =
  'SOURCE' | 'JUPYTER' | 'AUTO' | 'RAW' | 'HTML' | 'DBC' | 'R_MARKDOWN'

/** `ObjectInfo`: what `get-status` and `list` say about a workspace object. */
export interface ObjectInfo {
  readonly object_type: WorkspaceObjectType
  readonly path: string
  readonly object_id?: number
  readonly language?: NotebookLanguage
  readonly created_at?: number
  readonly modified_at?: number
  /** Files only. */
  readonly size?: number
  readonly resource_id?: string
}

/**
 * One `workspace/import`. `content` is the raw notebook or file; the client
 * base64-encodes it. `SOURCE` needs the language; `.ipynb` goes as `JUPYTER`.
 */
export type WorkspaceImport =
  | {
      readonly path: string
      readonly format: 'SOURCE'
      readonly language: NotebookLanguage
      readonly content: Uint8Array | string
      readonly overwrite?: boolean
    }
  | {
      readonly path: string
      readonly format: 'JUPYTER' | 'AUTO' | 'RAW'
      readonly content: Uint8Array | string
      readonly overwrite?: boolean
    }

/** What `workspace/export` returned, decoded. */
export interface WorkspaceExport {
  readonly content: Buffer
  /** e.g. `py`, `sql`, `ipynb`; absent for some formats. */
  readonly file_type?: string
}

// ---- Jobs API 2.2 ---------------------------------------------------------

/** When a task runs, given how its dependencies ended. */
export type RunIf = Open<
  | 'ALL_SUCCESS'
  | 'ALL_DONE'
  | 'NONE_FAILED'
  | 'AT_LEAST_ONE_SUCCESS'
  | 'ALL_FAILED'
  | 'AT_LEAST_ONE_FAILED'
>

/** One edge of the task graph. */
export interface TaskDependency {
  readonly task_key: string
  /** Only for dependencies on condition tasks. */
  readonly outcome?: string
}

/** A notebook task: the path, its string parameters and where it lives. */
export interface NotebookTask {
  readonly notebook_path: string
  readonly base_parameters?: Readonly<Record<string, string>>
  readonly source?: 'WORKSPACE' | 'GIT'
  readonly warehouse_id?: string
}

/** A cluster spec (`new_cluster`); the API has many more optional fields. */
export interface ClusterSpec {
  readonly spark_version?: string
  readonly node_type_id?: string
  readonly num_workers?: number
  readonly autoscale?: {
    readonly min_workers: number
    readonly max_workers: number
  }
  readonly data_security_mode?: string
  readonly spark_conf?: Readonly<Record<string, string>>
  readonly [field: string]: unknown
}

/** A library to install on the task's cluster. */
export type Library = Readonly<Record<string, unknown>>

/** One task of a `runs/submit`. Serverless when no cluster is named. */
export interface SubmitTask {
  /** Unique in the run, `^[\w\-]+$`. */
  readonly task_key: string
  readonly depends_on?: readonly TaskDependency[]
  readonly run_if?: RunIf
  readonly notebook_task?: NotebookTask
  readonly existing_cluster_id?: string
  readonly new_cluster?: ClusterSpec
  readonly environment_key?: string
  readonly libraries?: readonly Library[]
  readonly timeout_seconds?: number
  readonly max_retries?: number
  readonly min_retry_interval_millis?: number
  readonly retry_on_timeout?: boolean
  readonly description?: string
  readonly [field: string]: unknown
}

/** A serverless environment a task can name by key. */
export interface JobEnvironment {
  readonly environment_key: string
  readonly spec?: {
    readonly environment_version?: string
    readonly client?: string
    readonly dependencies?: readonly string[]
  }
}

/** Who may see or manage the run. */
export interface AccessControlRequest {
  readonly user_name?: string
  readonly group_name?: string
  readonly service_principal_name?: string
  readonly permission_level: Open<
    'CAN_MANAGE' | 'CAN_MANAGE_RUN' | 'CAN_VIEW' | 'IS_OWNER'
  >
}

/** The body of `runs/submit` (a one-time run). */
export interface SubmitRunRequest {
  readonly tasks: readonly SubmitTask[]
  readonly run_name?: string
  readonly timeout_seconds?: number
  /**
   * At most 64 characters. The same token returns the same `run_id`, which
   * is what makes a retried submit safe; the client retries only with one.
   */
  readonly idempotency_token?: string
  readonly access_control_list?: readonly AccessControlRequest[]
  readonly environments?: readonly JobEnvironment[]
  readonly git_source?: Readonly<Record<string, unknown>>
  readonly queue?: { readonly enabled: boolean }
  readonly run_as?: Readonly<Record<string, string>>
  readonly [field: string]: unknown
}

/** The answer of `runs/submit`. */
export interface SubmitRunResponse {
  readonly run_id: number
}

/** `state.life_cycle_state`. Terminal: TERMINATED, SKIPPED, INTERNAL_ERROR. */
export type RunLifeCycleState = Open<
  | 'QUEUED'
  | 'PENDING'
  | 'RUNNING'
  | 'TERMINATING'
  | 'TERMINATED'
  | 'SKIPPED'
  | 'INTERNAL_ERROR'
  | 'BLOCKED'
  | 'WAITING_FOR_RETRY'
>

/** `state.result_state`, set once the run or task is terminal. */
export type RunResultState = Open<
  | 'SUCCESS'
  | 'FAILED'
  | 'TIMEDOUT'
  | 'CANCELED'
  | 'SUCCESS_WITH_FAILURES'
  | 'UPSTREAM_FAILED'
  | 'UPSTREAM_CANCELED'
  | 'EXCLUDED'
  | 'DISABLED'
  | 'MAXIMUM_CONCURRENT_RUNS_REACHED'
>

/** The (deprecated but still returned) `state` of a run or task. */
export interface RunState {
  readonly life_cycle_state?: RunLifeCycleState
  readonly result_state?: RunResultState
  readonly state_message?: string
  readonly user_cancelled_or_timedout?: boolean
  readonly queue_reason?: string
}

/** Why a run or task ended; `type` tells platform trouble from user error. */
export interface TerminationDetails {
  readonly code?: Open<
    | 'SUCCESS'
    | 'SUCCESS_WITH_FAILURES'
    | 'USER_CANCELED'
    | 'CANCELED'
    | 'SKIPPED'
    | 'DISABLED'
    | 'RUN_EXECUTION_ERROR'
    | 'DRIVER_ERROR'
    | 'CLUSTER_ERROR'
    | 'CLOUD_FAILURE'
    | 'RESOURCE_NOT_FOUND'
    | 'INTERNAL_ERROR'
  >
  readonly type?: Open<
    'SUCCESS' | 'CLIENT_ERROR' | 'INTERNAL_ERROR' | 'CLOUD_FAILURE'
  >
  readonly message?: string
}

/** The newer `status` of a run or task. */
export interface RunStatus {
  readonly state?: Open<
    | 'QUEUED'
    | 'PENDING'
    | 'RUNNING'
    | 'BLOCKED'
    | 'WAITING'
    | 'TERMINATING'
    | 'TERMINATED'
  >
  readonly termination_details?: TerminationDetails
  readonly queue_details?: Readonly<Record<string, unknown>>
}

/** One task of a run (`RunTask`); `run_id` is the task run's own id. */
export interface RunTask {
  readonly task_key: string
  readonly run_id: number
  readonly run_page_url?: string
  readonly state?: RunState
  readonly status?: RunStatus
  readonly depends_on?: readonly TaskDependency[]
  readonly run_if?: RunIf
  readonly notebook_task?: NotebookTask
  readonly attempt_number?: number
  /** Epoch milliseconds; 0 until started or ended. */
  readonly start_time?: number
  readonly end_time?: number
  readonly setup_duration?: number
  readonly execution_duration?: number
  readonly cleanup_duration?: number
  readonly existing_cluster_id?: string
  readonly new_cluster?: ClusterSpec
  readonly environment_key?: string
  readonly description?: string
  readonly [field: string]: unknown
}

/** A run as `runs/get` returns it. The client merges all `tasks` pages. */
export interface Run {
  readonly run_id: number
  readonly job_id?: number
  readonly run_name?: string
  readonly run_page_url?: string
  readonly run_type?: Open<'SUBMIT_RUN' | 'JOB_RUN' | 'WORKFLOW_RUN'>
  readonly creator_user_name?: string
  readonly state?: RunState
  readonly status?: RunStatus
  readonly start_time?: number
  readonly end_time?: number
  readonly setup_duration?: number
  readonly execution_duration?: number
  readonly cleanup_duration?: number
  readonly run_duration?: number
  readonly queue_duration?: number
  readonly attempt_number?: number
  readonly tasks?: readonly RunTask[]
  readonly next_page_token?: string
  readonly has_more?: boolean
  readonly [field: string]: unknown
}

/** `notebook_output`: the value passed to `dbutils.notebook.exit()`. */
export interface NotebookOutput {
  /** The first 5 MB of the exit value; absent when exit was never called. */
  readonly result?: string
  readonly truncated?: boolean
}

/** `runs/get-output` of one task run. */
export interface RunOutput {
  readonly notebook_output?: NotebookOutput
  readonly error?: string
  readonly error_trace?: string
  readonly logs?: string
  readonly logs_truncated?: boolean
  readonly info?: string
  readonly metadata?: Run
  readonly [field: string]: unknown
}

/** Filters and paging of `runs/list`. */
export interface ListRunsRequest {
  readonly job_id?: number
  readonly active_only?: boolean
  readonly completed_only?: boolean
  readonly run_type?: 'JOB_RUN' | 'WORKFLOW_RUN' | 'SUBMIT_RUN'
  readonly expand_tasks?: boolean
  readonly start_time_from?: number
  readonly start_time_to?: number
  /** At most 25. */
  readonly limit?: number
  readonly page_token?: string
}

/** One page of `runs/list`. */
export interface ListRunsResponse {
  readonly runs: readonly Run[]
  readonly has_more?: boolean
  readonly next_page_token?: string
  readonly prev_page_token?: string
}

// ---- Unity Catalog --------------------------------------------------------

/** A column of a Unity Catalog table. */
export interface ColumnInfo {
  readonly name: string
  readonly type_name?: string
  /** The SQL spelling, e.g. `bigint`, `decimal(18,2)`. */
  readonly type_text?: string
  readonly type_json?: string
  readonly position?: number
  readonly nullable?: boolean
  readonly comment?: string
}

/** `SchemaInfo` of `GET /api/2.1/unity-catalog/schemas/{full_name}`. */
export interface SchemaInfo {
  readonly name: string
  readonly catalog_name: string
  readonly full_name: string
  readonly comment?: string
  readonly owner?: string
  readonly [field: string]: unknown
}

/** `TableInfo` of `GET /api/2.1/unity-catalog/tables/{full_name}`. */
export interface TableInfo {
  readonly name: string
  readonly catalog_name: string
  readonly schema_name: string
  readonly full_name: string
  readonly table_type?: Open<
    'MANAGED' | 'EXTERNAL' | 'VIEW' | 'MATERIALIZED_VIEW' | 'STREAMING_TABLE'
  >
  readonly data_source_format?: Open<'DELTA' | 'PARQUET' | 'CSV' | 'JSON'>
  readonly storage_location?: string
  readonly columns?: readonly ColumnInfo[]
  readonly [field: string]: unknown
}

// ---- Files API and DBFS ---------------------------------------------------

/** What `HEAD /api/2.0/fs/files{path}` tells about a file. */
export interface FileStatus {
  readonly path: string
  readonly content_length?: number
  /** The `last-modified` header as sent (an HTTP date). */
  readonly last_modified?: string
}

/** One entry of `GET /api/2.0/fs/directories{path}`. */
export interface DirectoryEntry {
  readonly path: string
  readonly name: string
  readonly is_directory: boolean
  readonly file_size?: number
  readonly last_modified?: number
}

/** One page of a directory listing. */
export interface DirectoryPage {
  readonly contents: readonly DirectoryEntry[]
  readonly next_page_token?: string
}

/** `GET /api/2.0/dbfs/get-status`. */
export interface DbfsFileInfo {
  readonly path: string
  readonly is_dir: boolean
  readonly file_size?: number
  readonly modification_time?: number
}

// ---- SCIM -----------------------------------------------------------------

/** The caller, from `GET /api/2.0/preview/scim/v2/Me`. */
export interface CurrentUser {
  /** An e-mail for users, the application id for service principals. */
  readonly userName: string
  readonly id?: string
  readonly displayName?: string
}
