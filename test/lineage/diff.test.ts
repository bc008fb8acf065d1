import { describe, expect, it } from '@jest/globals'
import {
  buildLineage,
  diffLineage,
  hasChanges
} from '../../src/lineage/index.js'
import type { StepSketch } from '../support/plan.js'
import { SALES_STEPS, samplePlan } from './support/sample.js'

const edit = (change: (steps: StepSketch[]) => void) => {
  const steps = structuredClone(SALES_STEPS) as StepSketch[]
  change(steps)
  return buildLineage(samplePlan('development', steps))
}

describe('diffLineage', () => {
  const base = buildLineage(samplePlan())

  it('finds nothing between equal lineages', () => {
    const diff = diffLineage(base, buildLineage(samplePlan()))
    expect(hasChanges(diff)).toBe(false)
    expect(diff.impacted).toEqual({ steps: [], tables: [] })
  })

  it('shows an edge rewired between unchanged nodes, and what it impacts', () => {
    // calculate_sales_stats now reads products_bronze instead of products_silver:
    // no node is added or removed, only the dependency moves.
    const head = edit((s) => {
      s[2] = {
        ...s[2],
        inputs: ['sales_orders_silver', 'customers_silver', 'products_bronze']
      }
    })
    const diff = diffLineage(base, head)
    expect(diff.steps).toEqual({ added: [], removed: [], changed: [] })
    expect(diff.tables).toEqual({ added: [], removed: [], changed: [] })
    expect(diff.edges).toEqual({
      added: [
        {
          from: 'table:products_bronze',
          to: 'step:calculate_sales_stats',
          kind: 'read',
          rewired: true
        }
      ],
      removed: [
        {
          from: 'table:products_silver',
          to: 'step:calculate_sales_stats',
          kind: 'read',
          rewired: true
        }
      ]
    })
    expect(diff.impacted).toEqual({
      steps: ['calculate_sales_stats'],
      tables: ['sales_stats_by_customer_gold', 'sales_stats_by_product_gold']
    })
    expect(hasChanges(diff)).toBe(true)
  })

  it('marks a changed step and everything downstream of it as impacted', () => {
    const diff = diffLineage(base, buildLineage(samplePlan()), ['import_data'])
    expect(diff.steps.changed).toEqual(['import_data'])
    expect(diff.impacted).toEqual({
      steps: ['calculate_sales_stats'],
      tables: [
        'customers_silver',
        'products_silver',
        'sales_orders_silver',
        'sales_stats_by_customer_gold',
        'sales_stats_by_product_gold'
      ]
    })
  })

  it('compares fingerprints and arguments when no keys are given', () => {
    const printed = (year: string, print: string) =>
      buildLineage(
        samplePlan(
          'development',
          SALES_STEPS.map((s, i) => (i === 2 ? { ...s, args: { year } } : s))
        ),
        undefined,
        {
          fingerprints: {
            ingest_data: 'a',
            import_data: print,
            calculate_sales_stats: 'c'
          }
        }
      )
    expect(
      diffLineage(printed('2022', 'b'), printed('2022', 'B')).steps.changed
    ).toEqual(['import_data'])
    expect(
      diffLineage(printed('2022', 'b'), printed('2023', 'b')).steps.changed
    ).toEqual(['calculate_sales_stats'])
  })

  it('lists added and removed steps and tables, keeping removed nodes to draw', () => {
    const head = edit((s) => {
      s.splice(2, 1, {
        notebook: 'notebooks/top_customers.py',
        inputs: ['customers_silver', 'sales_orders_silver'],
        outputs: ['top_customers_gold']
      })
    })
    const diff = diffLineage(base, head)
    expect(diff.steps).toEqual({
      added: ['top_customers'],
      removed: ['calculate_sales_stats'],
      changed: []
    })
    expect(diff.tables).toEqual({
      added: ['top_customers_gold'],
      removed: ['sales_stats_by_customer_gold', 'sales_stats_by_product_gold'],
      changed: []
    })
    expect(diff.removedNodes.steps.map((s) => s.key)).toEqual([
      'calculate_sales_stats'
    ])
    expect(diff.removedNodes.tables.map((t) => t.key)).toEqual([
      'sales_stats_by_customer_gold',
      'sales_stats_by_product_gold'
    ])
    expect(diff.edges.added.map((e) => [e.from, e.to, e.rewired])).toEqual([
      ['step:top_customers', 'table:top_customers_gold', false],
      ['table:customers_silver', 'step:top_customers', false],
      ['table:sales_orders_silver', 'step:top_customers', false]
    ])
    expect(diff.edges.removed.every((e) => !e.rewired)).toBe(true)
    expect(diff.impacted).toEqual({ steps: [], tables: [] })
  })

  it('sees a table that moved (its location changed) as changed', () => {
    const head = buildLineage(samplePlan('test'))
    const diff = diffLineage(base, head)
    expect(diff.tables.changed).toHaveLength(9)
    expect(diff.impacted.steps).toEqual([
      'calculate_sales_stats',
      'import_data',
      'ingest_data'
    ])
  })
})
