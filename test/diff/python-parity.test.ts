import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { renderKeyedDiffQuery } from '../../src/diff/index.js'
import type { KeyedDiffQuery } from '../../src/diff/index.js'
import { repoRoot } from '../support/cli.js'

/**
 * The Databricks task compares tables with the SQL the local engine runs:
 * the notebook's Python renders, for the same tables, the very text the
 * TypeScript renders, so what the DuckDB tests prove holds in the workspace.
 */
const QUERIES: KeyedDiffQuery[] = [
  {
    dialect: 'databricks',
    base: 'shop_test.shop.orders',
    head: 'shop_test.shop__pr_7.orders',
    key: ['order_id', 'line'],
    columns: [
      { name: 'amount', asText: false },
      { name: 'status', asText: false, hashed: true },
      { name: 'note`s', asText: true }
    ]
  },
  {
    dialect: 'duckdb',
    base: "read_parquet('a.parquet')",
    head: "read_parquet('b.parquet')",
    key: ['id'],
    columns: []
  },
  {
    // More columns than one mask of bits holds.
    dialect: 'databricks',
    base: 'c.s.wide',
    head: 'c.s__pr_1.wide',
    key: ['id'],
    columns: Array.from({ length: 65 }, (_, i) => ({
      name: `c${i}`,
      asText: i % 9 === 0
    }))
  }
]

function renderInPython(q: KeyedDiffQuery): string {
  const script = [
    'import json, sys',
    'import dtflw_data_diff as d',
    'q = json.loads(sys.argv[1])',
    "sys.stdout.write(d.keyed_query(q['dialect'], q['base'], q['head'], q['key'], q['columns']))"
  ].join('\n')
  return execFileSync('python3', ['-c', script, JSON.stringify(q)], {
    cwd: path.join(repoRoot, 'src', 'diff', 'python'),
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
  })
}

describe('the data diff notebook of the Databricks task', () => {
  it('passes its own tests, on DuckDB', () => {
    const out = execFileSync(
      'python3',
      ['-m', 'unittest', '-q', 'test_dtflw_data_diff'],
      {
        cwd: path.join(repoRoot, 'src', 'diff', 'python'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
      }
    )
    expect(out).toBe('')
  })
})

describe('the data diff SQL of the Databricks task', () => {
  it.each(QUERIES.map((q) => [q.dialect, q] as const))(
    'is the SQL the local engine runs (%s)',
    (_dialect, q) => {
      expect(renderInPython(q)).toBe(renderKeyedDiffQuery(q))
    }
  )
})
