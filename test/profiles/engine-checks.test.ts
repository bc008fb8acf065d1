import { describe, expect, it } from '@jest/globals'
import { problems } from './support.js'

describe('what a run on the profile engine would fail on, found offline', () => {
  it('refuses remote storage and formats the local engine cannot write', () => {
    expect(
      problems({
        test: 'engine: local\ntables: { root: "abfss://c@a.dfs.core.windows.net/x", format: delta }\nsources:\n  a: { path: "s3://b/a.avro" }\n'
      })
    ).toEqual([
      'profiles/test.yaml:2:17: error: tables.root "abfss://c@a.dfs.core.windows.net/x" is remote storage, and engine local reads and writes local files only; use a local folder such as .dtflw/data/${profile}, or engine: databricks',
      'profiles/test.yaml:2:63: error: tables.format "delta" is not a format engine local reads or writes (it handles parquet, csv, json); use parquet, or engine: databricks',
      'profiles/test.yaml:4:14: error: source "a" ("s3://b/a.avro") has format avro by its extension, which is not a format engine local reads or writes (it handles parquet, csv, json); use parquet, or engine: databricks',
      'profiles/test.yaml:4:14: error: source "a" is at "s3://b/a.avro", remote storage, and engine local reads local files only; point path at a local copy, or use engine: databricks'
    ])
  })

  it('refuses a format no engine knows, on any engine', () => {
    expect(
      problems({
        test: 'engine: databricks\ntables: { layout: path, root: "dbfs:/x", format: parqet }\n'
      })
    ).toEqual([
      'profiles/test.yaml:2:50: error: tables.format "parqet" is not a table format; did you mean "parquet"?'
    ])
  })

  it('refuses a CSV option the local engine does not read, and takes the ones it does', () => {
    expect(
      problems({
        test: 'engine: local\ntables: { root: d }\nsources:\n  a: { path: a.csv, options: { header: true, Sep: ";", inferSchema: true, multiline: true } }\n'
      })
    ).toEqual([
      'profiles/test.yaml:4:75: error: CSV option "multiline" of source "a" is not one the local engine reads; the options are: header, sep, delimiter, quote, escape, nullvalue, dateformat, timestampformat, encoding, inferSchema'
    ])
  })

  it('leaves Databricks its own formats and options', () => {
    expect(
      problems({
        test: 'engine: databricks\ntables: { root: "dbfs:/x", format: delta }\nsources:\n  a: { path: "dbfs:/a.avro", options: { multiline: true } }\n'
      })
    ).toEqual([])
  })
})
