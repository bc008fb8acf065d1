/**
 * The DuckDB side of a step, shared by SQL steps (run in process) and the
 * DuckDB-backed `spark` of Python steps:
 *
 * - `setup`: each input as a view named after its parameter (`"orders_in"`),
 *   and catalog-layout tables also under their own name
 *   (`sales.silver.orders`) in an in-memory catalog of that name; then each
 *   output the step rewrites as a table of its current rows, named after
 *   its parameter (`"customers_out"`);
 * - `sandbox`: the time zone UTC, as on Databricks; the step's own
 *   temporary folder; only the declared inputs,
 *   the staging folders and that temporary folder are
 *   reachable (`allowed_paths`, `allowed_directories`), every other file
 *   access is off (`enable_external_access = false`) and the settings are
 *   locked, so an undeclared read fails and the declared lineage is true;
 * - `exports`: after the notebook, each output table, looked up under its
 *   parameter name then its catalog name, copied to its staging file.
 */
export interface DuckdbStepSql {
  readonly setup: readonly string[]
  readonly sandbox: readonly string[]
  readonly exports: readonly OutputExport[]
}

/** How one output leaves DuckDB for its staging file. */
export interface OutputExport {
  readonly param: string
  /** Absolute staging path. */
  readonly staged: string
  /** Quoted relation names to look for, in order. */
  readonly candidates: readonly string[]
  /** `COPY (SELECT * FROM {}) TO '…' (FORMAT …)`; `{}` takes the relation. */
  readonly copy: string
}
