import { existsSync } from 'node:fs'
import path from 'node:path'

// What the engines under a step say, turned into what the user can do:
// DuckDB and Python name the symptom (no such file, no such module), not
// the cause (the step sees only what it declares, the interpreter lacks a
// package).

/** DuckDB's internal catalogs, which its did-you-mean offers for a typo. */
const SYSTEM_TABLE = /^"?(pg_|duckdb_|sqlite_|information_schema)/

/**
 * A DuckDB error summary with the hint its cause needs, when one does: a
 * file the step did not declare (it exists, but a step reads only its
 * inputs), a table it did not declare. `root` is the repository root.
 */
export function explainSqlError(summary: string, root: string): string {
  const file =
    /No files found that match the pattern "([^"]+)"/.exec(summary)?.[1] ??
    /Cannot (?:access|open) file "([^"]+)"/.exec(summary)?.[1]
  if (file !== undefined) {
    const absolute = path.resolve(root, file)
    const relative = path.relative(root, absolute)
    if (
      !relative.startsWith('..') &&
      !path.isAbsolute(relative) &&
      existsSync(absolute)
    ) {
      return `${summary}. The file exists, but a step sees only its declared inputs: declare it as a source (sources: in dtflw.yaml, and its path under the profile's sources:), list it in the step's inputs, and read it as IDENTIFIER(:<name>_in).`
    }
    return summary
  }
  const table = /Table with name (\S+) does not exist!/.exec(summary)?.[1]
  if (table !== undefined) {
    const cut = summary.replace(/ Did you mean "([^"]+)"\?/, (all, s) =>
      SYSTEM_TABLE.test(s) ? '' : all
    )
    return `${cut} A step sees only the tables it declares: list ${table} in the step's inputs and read it as IDENTIFIER(:${table}_in).`
  }
  return summary
}

/** A Python module the notebook imports and the interpreter lacks. */
export function missingModule(message: string): string | undefined {
  return /No module named '([^']+)'/.exec(message)?.[1]
}
