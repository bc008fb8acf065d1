// @ts-check
import { errorAt } from '../dtflw.js'
import { aggregate } from './aggregate-template.js'
import { ingestAppend, ingestOverwrite, scd2 } from './ingest-templates.js'
import { dimension, fact } from './star-templates.js'

/** @typedef {import('../dtflw.js').Diagnostic} Diagnostic */
/** @typedef {import('./columns.js').KnownColumn} KnownColumn */
/** @typedef {'sql' | 'python'} Language */

/**
 * One notebook template of `dtflw add --template`.
 * @typedef {object} EtlTemplate
 * @property {string} name
 * @property {string} summary One line, for `dtflw add --list-templates`.
 * @property {readonly Language[]} languages The first is the default.
 * @property {'required' | 'optional' | 'none'} key Whether it takes `--key`.
 * @property {boolean} by Whether it takes `--by` (and needs it).
 */

/**
 * The templates, in the order they are listed and asked for.
 * @type {readonly EtlTemplate[]}
 */
export const ETL_TEMPLATES = [
  {
    name: 'ingest-overwrite',
    summary: 'copy a table, replacing the copy on every run',
    languages: ['sql', 'python'],
    key: 'none',
    by: false
  },
  {
    name: 'ingest-append',
    summary:
      'append the rows a table does not hold yet (matched on --key, else every column); re-running a batch adds nothing',
    languages: ['sql'],
    key: 'optional',
    by: false
  },
  {
    name: 'scd2',
    summary:
      'slowly changing dimension of type 2 (valid_from, valid_to, is_current) kept with MERGE INTO, keyed by --key',
    languages: ['sql'],
    key: 'required',
    by: false
  },
  {
    name: 'dimension',
    summary:
      'star-schema dimension keyed by --key, with surrogate keys that stay stable from run to run',
    languages: ['sql'],
    key: 'required',
    by: false
  },
  {
    name: 'fact',
    summary:
      'star-schema fact table: the first input, with the surrogate keys of the dimensions listed after it',
    languages: ['sql'],
    key: 'none',
    by: false
  },
  {
    name: 'aggregate',
    summary:
      'rollup by --by columns or periods (day, week, month, quarter, year): row count and sums',
    languages: ['sql'],
    key: 'none',
    by: true
  }
]

/** @param {string} name @returns {EtlTemplate | undefined} */
export function findTemplate(name) {
  return ETL_TEMPLATES.find((t) => t.name === name)
}

/**
 * What a template is told: the step, its tables, and what is known of the
 * columns of the tables it reads.
 * @typedef {object} TemplateRequest
 * @property {string} step
 * @property {readonly string[]} inputs
 * @property {string} output
 * @property {Language} language
 * @property {readonly string[]} key
 * @property {readonly string[]} by
 * @property {(table: string) => KnownColumn[] | undefined} columnsOf
 * @property {(table: string) => { why: string, fix: string } | undefined} unknownWhy
 *   Why dtflw could not learn the columns of a table, when it tried.
 */

/**
 * A template applied: its file, the step's manifest fields, and the values
 * of its placeholders (all but `step` and `widgets`, filled last).
 * @typedef {object} TemplatePlan
 * @property {string} file
 * @property {unknown[]} inputs
 * @property {unknown[]} outputs
 * @property {Record<string, string>} [args]
 * @property {Record<string, string>} values
 */

/** @typedef {{ ok: true, plan: TemplatePlan } | { ok: false, diagnostics: Diagnostic[] }} Planned */

const PLANNERS = {
  'ingest-overwrite': ingestOverwrite,
  'ingest-append': ingestAppend,
  scd2,
  dimension,
  fact,
  aggregate
}

/**
 * Applies template `name` to a step: what the step reads and writes, the
 * columns it will have, and the text that fills the template. Refuses,
 * saying what to pass, when it lacks what it needs (a key, the columns).
 * @param {string} name
 * @param {TemplateRequest} req
 * @returns {Planned}
 */
export function planTemplate(name, req) {
  const planner = PLANNERS[/** @type {keyof typeof PLANNERS} */ (name)]
  if (!planner) {
    return {
      ok: false,
      diagnostics: [
        errorAt(
          'unknown-template',
          `no template "${name}"; the templates are: ${ETL_TEMPLATES.map((t) => t.name).join(', ')} (dtflw add --list-templates).`
        )
      ]
    }
  }
  return planner(req)
}
