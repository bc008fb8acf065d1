import { tokenizeSql } from './sql-lexer.js'
import type { SqlToken } from './sql-lexer.js'

/** One statement of a SQL cell, as written. */
export interface SqlStatement {
  readonly text: string
  /** 1-based line in the cell's source where the statement starts. */
  readonly line: number
}

/** The statements of a cell as written, split at top-level `;`. */
export function splitSql(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = []
  let current: SqlToken[] = []
  const flush = (): void => {
    const first = current.find(
      (t) => t.kind !== 'space' && t.kind !== 'comment'
    )
    if (first) {
      statements.push({
        text: current
          .map((t) => t.text)
          .join('')
          .trim(),
        line: first.line
      })
    }
    current = []
  }
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'semicolon') flush()
    else current.push(token)
  }
  flush()
  return statements
}
