import { describe, expect, it } from '@jest/globals'
import {
  checkColumns,
  normalizeSparkType
} from '../../../../src/engines/columns.js'
import {
  toDuckdbType,
  toSparkType
} from '../../../../src/engines/local/tables/columns.js'

describe('toSparkType', () => {
  it.each([
    ['BIGINT', 'bigint'],
    ['INTEGER', 'int'],
    ['SMALLINT', 'smallint'],
    ['VARCHAR', 'string'],
    ['DOUBLE', 'double'],
    ['FLOAT', 'float'],
    ['DECIMAL(18,2)', 'decimal(18,2)'],
    ['DATE', 'date'],
    ['TIMESTAMP', 'timestamp'],
    ['TIMESTAMP WITH TIME ZONE', 'timestamp'],
    ['BOOLEAN', 'boolean'],
    ['BLOB', 'binary'],
    ['INTEGER[]', 'array<int>'],
    ['STRUCT(x INTEGER, "y z" VARCHAR[])', 'struct<x:int,y z:array<string>>'],
    ['MAP(VARCHAR, DECIMAL(10,2))', 'map<string,decimal(10,2)>']
  ])('%s is %s', (duckdb, spark) => {
    expect(toSparkType(duckdb)).toBe(spark)
  })
})

describe('toDuckdbType', () => {
  it.each([
    ['bigint', 'BIGINT'],
    ['Long', 'BIGINT'],
    ['int', 'INTEGER'],
    ['string', 'VARCHAR'],
    ['varchar(20)', 'VARCHAR'],
    ['decimal(18, 2)', 'DECIMAL(18,2)'],
    ['decimal', 'DECIMAL(10,0)'],
    ['timestamp_ntz', 'TIMESTAMP'],
    ['binary', 'BLOB'],
    ['array<int>', 'INTEGER[]'],
    [
      'struct<Name:string, tags:array<string>>',
      'STRUCT("Name" VARCHAR, "tags" VARCHAR[])'
    ],
    ['map<string,decimal(10,2)>', 'MAP(VARCHAR, DECIMAL(10,2))']
  ])('%s is %s', (spark, duckdb) => {
    expect(toDuckdbType(spark)).toBe(duckdb)
  })

  it('has no answer for a type DuckDB lacks, nested or not', () => {
    expect(toDuckdbType('geography')).toBeUndefined()
    expect(toDuckdbType('array<geography>')).toBeUndefined()
    expect(toDuckdbType('struct<a:geography>')).toBeUndefined()
  })

  it('gives back what toSparkType reads', () => {
    for (const spark of ['bigint', 'decimal(38,2)', 'array<struct<a:date>>']) {
      expect(toSparkType(toDuckdbType(spark)!)).toBe(spark)
    }
  })
})

describe('normalizeSparkType', () => {
  it('accepts the spellings people write in manifests', () => {
    expect(normalizeSparkType('Decimal(18, 2)')).toBe('decimal(18,2)')
    expect(normalizeSparkType('integer')).toBe('int')
    expect(normalizeSparkType('LONG')).toBe('bigint')
    expect(normalizeSparkType('varchar(20)')).toBe('string')
    expect(normalizeSparkType('decimal')).toBe('decimal(10,0)')
  })
})

describe('checkColumns (dtflw assert_schema_compatible)', () => {
  const actual = [
    { name: 'customer_id', type: 'int' },
    { name: 'Total', type: 'decimal(38,2)' },
    { name: 'note', type: 'string' }
  ]

  it('accepts int where bigint is declared, and a null type as presence', () => {
    expect(
      checkColumns(
        actual,
        [
          { name: 'customer_id', type: 'bigint' },
          { name: 'note', type: null }
        ],
        false
      )
    ).toEqual([])
  })

  it('rejects bigint where int is declared', () => {
    expect(
      checkColumns(
        [{ name: 'id', type: 'bigint' }],
        [{ name: 'id', type: 'int' }],
        false
      )
    ).toEqual(['column "id" is bigint, expected int'])
  })

  it('reports every problem at once, strict ones included', () => {
    expect(
      checkColumns(
        actual,
        [
          { name: 'customer_id', type: 'bigint' },
          { name: 'total', type: 'decimal(18,2)' },
          { name: 'note', type: 'int' }
        ],
        true
      )
    ).toEqual([
      'column "total" is missing (there is "Total": names are case-sensitive)',
      'column "note" is string, expected int',
      'column "Total" (decimal(38,2)) is not declared, and the output is strict'
    ])
  })
})
