import { describe, expect, it } from '@jest/globals'
import {
  planShapeStatements,
  shapeStatement
} from '../../../../src/engines/local/sql/shape-statements.js'

describe('shapeStatement: a step described, not run', () => {
  it.each([
    [
      'CREATE OR REPLACE TABLE "t_out" AS SELECT 1 AS a',
      'CREATE OR REPLACE VIEW "t_out" AS SELECT 1 AS a'
    ],
    ['create table t as (select 1)', 'CREATE OR REPLACE VIEW t as (select 1)'],
    [
      'CREATE TEMP TABLE scratch AS FROM "raw_in"',
      'CREATE OR REPLACE TEMPORARY VIEW scratch AS FROM "raw_in"'
    ],
    [
      'CREATE TABLE IF NOT EXISTS "c"."s"."t" AS SELECT * FROM x WHERE 1 = 0',
      'CREATE VIEW IF NOT EXISTS "c"."s"."t" AS SELECT * FROM x WHERE 1 = 0'
    ],
    [
      '-- the output\nCREATE OR REPLACE TABLE "t_out" AS\nSELECT 1',
      '-- the output\nCREATE OR REPLACE VIEW "t_out" AS\nSELECT 1'
    ]
  ])('%s becomes a view', (statement, view) => {
    expect(shapeStatement(statement)).toBe(view)
  })

  it.each([
    'CREATE TABLE "t_out" (id BIGINT, name VARCHAR)',
    'CREATE OR REPLACE VIEW v AS SELECT 1',
    'CREATE OR REPLACE TEMP VIEW v AS SELECT 1',
    'CREATE MACRO twice(x) AS x * 2',
    "CREATE TYPE mood AS ENUM ('ok')"
  ])('%s runs as written', (statement) => {
    expect(shapeStatement(statement)).toBe(statement)
  })

  it.each([
    'SELECT count(*) FROM "t_out"',
    'INSERT INTO "t_out" SELECT 2',
    'MERGE INTO "t_out" AS t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT *',
    'UPDATE "t_out" SET a = 1',
    'DELETE FROM "t_out"',
    "COPY (SELECT 1) TO '/data/raw.csv'",
    "ATTACH 'x.db' AS x",
    'SET threads = 64',
    'DROP TABLE IF EXISTS "t_out"',
    "CREATE SECRET s (TYPE s3, KEY_ID 'k')",
    'CREATE INDEX i ON "t_out" (a)'
  ])('%s is left out: it changes rows or files, not shapes', (statement) => {
    expect(shapeStatement(statement)).toBeUndefined()
  })

  it('keeps what the notebook holds beside a rewrite, and drops widget statements', () => {
    expect(
      planShapeStatements([
        {
          text: "CREATE WIDGET TEXT a DEFAULT 'x'",
          line: 2,
          cell: 0,
          skip: true
        },
        { text: 'CREATE TABLE "t_out" AS SELECT 1', line: 4, cell: 1 },
        { text: 'INSERT INTO "t_out" SELECT 2', line: 5, cell: 1 }
      ])
    ).toEqual([
      {
        text: 'CREATE OR REPLACE VIEW "t_out" AS SELECT 1',
        shown: 'CREATE TABLE "t_out" AS SELECT 1',
        line: 4,
        cell: 1
      }
    ])
  })
})
