import { COPY_SOURCE } from './sql-job.js'
import type { SqlJobExport, SqlJobStatement } from './sql-job.js'

/** A SQL job's statements and exports after `streamOutputs`. */
export interface StreamedJob {
  readonly statements: readonly SqlJobStatement[]
  readonly exports: readonly SqlJobExport[]
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A notebook's last `CREATE [OR REPLACE] TABLE <output> AS <query>`, when
 * no later statement names that output, runs as `COPY (<query>) TO
 * <staging>` and the output's export is dropped: DuckDB streams the rows
 * to the file instead of building the table in memory and copying it
 * after, which on a large step costs a quarter of its time. The log and
 * any error still show the statement the notebook holds. Anything else (a
 * later `MERGE INTO` or `INSERT INTO` the output, a read of it) keeps the
 * table and the export as they were.
 */
export function streamOutputs(
  statements: readonly SqlJobStatement[],
  exports: readonly SqlJobExport[]
): StreamedJob {
  const result = [...statements]
  const kept: SqlJobExport[] = []
  for (const output of exports) {
    const relation = output.candidates[0]
    const bare = relation.replace(/^"|"$/g, '').toLowerCase()
    const create = new RegExp(
      `^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?TABLE\\s+${escapeRegExp(relation)}\\s+AS\\s+([\\s\\S]*?)[\\s;]*$`,
      'i'
    )
    let streamed = false
    for (let i = result.length - 1; i >= 0; i--) {
      const statement = result[i]
      if (statement.skip) continue
      const match = create.exec(statement.text)
      if (match) {
        const query = match[1]
        // A line comment at the query's end must not swallow the `)`.
        const copy = output.copy.replace(COPY_SOURCE, () => `(${query}\n)`)
        result[i] = { ...statement, text: copy, shown: statement.text }
        streamed = true
        break
      }
      // Named after the CREATE: the table must exist; keep it.
      if (statement.text.toLowerCase().includes(bare)) break
    }
    if (!streamed) kept.push(output)
  }
  return { statements: result, exports: kept }
}
