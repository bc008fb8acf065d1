import { describe, expect, it } from '@jest/globals'
import {
  findWidgetDeclarations,
  findWidgetDefaults,
  parseNotebook
} from '../../src/notebooks/index.js'

const python = (body: string) =>
  parseNotebook(`# Databricks notebook source\n${body}`, 'n.py')
const sql = (body: string) =>
  parseNotebook(`-- Databricks notebook source\n${body}`, 'n.sql')

describe('the widgets a notebook declares', () => {
  it('counts a declaration whatever its default is written as', () => {
    const notebook = python(
      [
        'dbutils.widgets.text("a", "x")',
        'dbutils.widgets.text(name="b", defaultValue=computed())',
        "dbutils.widgets.dropdown('c', choices[0], choices)",
        '# dbutils.widgets.text("commented", "no")',
        "print(\"dbutils.widgets.text('in_a_string', 'no')\")",
        '',
        '# COMMAND ----------',
        '',
        '# MAGIC %sql',
        "# MAGIC CREATE WIDGET TEXT d DEFAULT 'y'"
      ].join('\n')
    )
    expect([...findWidgetDeclarations(notebook)].sort()).toEqual([
      'a',
      'b',
      'c',
      'd'
    ])
    // Only literal defaults are values the local engine can use.
    expect(findWidgetDefaults(notebook).map((w) => w.name)).toEqual(['a', 'd'])
  })

  it('reads SQL declarations of every kind, with or without a default', () => {
    const notebook = sql(
      [
        'CREATE WIDGET DROPDOWN region DEFAULT "emea" CHOICES SELECT 1;',
        'create widget text `limit`;',
        'CREATE WIDGET TEXT 1_date_begin DEFAULT "2021-11-24";',
        'REMOVE WIDGET old;',
        "SELECT 'CREATE WIDGET TEXT fake DEFAULT 1'"
      ].join('\n')
    )
    // Spark reads 1_date_begin as one name, where the lexer sees two tokens.
    expect([...findWidgetDeclarations(notebook)].sort()).toEqual([
      '1_date_begin',
      'limit',
      'region'
    ])
  })
})
