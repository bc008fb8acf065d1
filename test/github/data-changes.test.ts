import { describe, expect, it } from '@jest/globals'
import { renderDataChanges } from '../../src/github/data-changes.js'
import type { DataDiff, TableDiff } from '../../src/report/index.js'

const keyed = (
  table: string,
  counts: { added: number; removed: number; changed: number }
): TableDiff => ({
  table,
  head: `shop_test.shop__pr_7.${table}`,
  base: `shop_test.shop.${table}`,
  status: 'compared',
  rows: { base: 1000, head: 1000 + counts.added - counts.removed },
  columns: { added: [], removed: [], retyped: [] },
  keyed: {
    key: ['order_id'],
    ...counts,
    unchanged: 1000 - counts.removed - counts.changed,
    byColumn: counts.changed > 0 ? { amount: counts.changed } : {},
    examples: {
      added: counts.added ? ['2001', '2050'] : [],
      removed: counts.removed ? ['10', '990'] : [],
      changed: counts.changed ? ['7', '994'] : []
    }
  }
})

const DIFF: DataDiff = {
  against: 'test',
  tables: [
    keyed('quiet', { added: 0, removed: 0, changed: 0 }),
    keyed('orders', { added: 50, removed: 100, changed: 143 }),
    {
      table: 'daily',
      head: 'shop_test.shop__pr_7.daily',
      base: 'shop_test.shop.daily',
      status: 'compared',
      rows: { base: 30, head: 30 },
      columns: {
        added: [{ name: 'channel', type: 'string' }],
        removed: [{ name: 'note', type: 'string' }],
        retyped: [{ name: 'revenue', from: 'double', to: 'decimal(18,2)' }]
      }
    },
    {
      table: 'fresh',
      head: 'shop_test.shop__pr_7.fresh',
      base: 'shop_test.shop.fresh',
      status: 'new-table',
      rows: { head: 12 }
    },
    {
      table: 'huge',
      head: 'x',
      base: 'y',
      status: 'not-compared',
      reason: '52,000,000 rows, over the budget of 50,000,000 (diff.max_rows)'
    }
  ]
}

describe('the "Data changes" section', () => {
  it('shows every table, biggest change first, with columns, counts by key and examples', () => {
    const section = renderDataChanges(DIFF, 65_536)!
    expect(section.level).toBe('full')
    const order = [...section.text.matchAll(/^- `(\w+)`/gm)].map((m) => m[1])
    expect(order).toEqual(['orders', 'fresh', 'daily', 'huge', 'quiet'])
    expect(section.text).toContain(
      '- `orders`: 1,000 → 950 rows (-50)\n  - by `order_id`: 50 added, 100 removed, 143 changed, 757 unchanged\n  - changed columns: `amount` 143 (16%)\n  - e.g. added `2001`, `2050`; removed `10`, `990`; changed `7`, `994`'
    )
    expect(section.text).toContain('- `fresh`: new table, 12 rows')
    expect(section.text).toContain(
      '  - columns: +`channel` string, −`note`, `revenue` double → decimal(18,2)'
    )
    expect(section.text).toContain(
      '- `huge`: not compared: 52,000,000 rows, over the budget of 50,000,000 (diff.max_rows)'
    )
  })

  it('shrinks to a table, then to counts, to stay within its share of the comment', () => {
    const full = renderDataChanges(DIFF, 65_536)!.text.length
    const table = renderDataChanges(DIFF, full - 1)!
    expect(table.level).toBe('table')
    expect(table.text).toContain(
      '| `orders` | 1,000 → 950 rows (-50) | +50 −100 ~143 |  |'
    )
    const counts = renderDataChanges(DIFF, 200)!
    expect(counts.level).toBe('counts')
    expect(counts.text).toContain(
      '3 tables of 5 changed, the most: `orders`, `fresh`, `daily`; 1 not compared.'
    )
  })
})
