// @ts-check
import { errorAt, warningAt } from '../dtflw.js'
import { knownColumns } from './columns.js'
import { planTemplate } from './etl-templates.js'
import { tablesBefore } from './plan-step.js'

/** @typedef {import('../dtflw.js').Diagnostic} Diagnostic */
/** @typedef {import('../dtflw.js').Manifest} Manifest */
/** @typedef {import('./columns.js').DescribeTable} DescribeTable */
/** @typedef {import('./columns.js').KnownColumn} KnownColumn */
/** @typedef {import('./etl-templates.js').Planned} Planned */
/** @typedef {import('./notebook-source.js').Language} Language */

/**
 * What `dtflw add --template` knows about the new step.
 * @typedef {object} TemplateStep
 * @property {string} template
 * @property {string} step
 * @property {readonly string[]} inputs
 * @property {readonly string[]} outputs
 * @property {Language} language
 * @property {readonly string[]} key
 * @property {readonly string[]} by
 * @property {readonly string[]} [columns] `--columns`: of the table it reads first.
 * @property {string} [after]
 */

/**
 * What `dtflw add` knows of the columns of one table a template reads:
 * the columns (with `from` when dtflw learned them), or why it does not.
 * @typedef {object} TableColumns
 * @property {KnownColumn[]} [columns]
 * @property {string} [from] Where learned columns come from.
 * @property {{ why: string, fix: string }} [unknown] Why they are not known.
 */

/**
 * The columns of `table` as read just before flow position `position`:
 * what the manifest declares on the output that produces it, else what
 * `describe` learns (the table a local run left, a source's file, the
 * producing SQL described). A declared column without a type, and a column
 * of `--columns`, takes the type `describe` learns for it.
 * @param {Manifest} manifest
 * @param {string} table
 * @param {number} position
 * @param {readonly string[] | undefined} named `--columns`
 * @param {DescribeTable | undefined} describe
 * @returns {Promise<TableColumns>}
 */
async function columnsOf(manifest, table, position, named, describe) {
  const producer = tablesBefore(manifest, position).get(table)
  const declared =
    named?.map((name) => ({ name, type: null })) ??
    producer?.outputs.find((o) => o.alias === table)?.columns
  if (declared?.every((c) => c.type !== null)) {
    return { columns: knownColumns(declared) }
  }
  const described = describe ? await describe(table, producer?.key) : undefined
  if (declared) {
    return {
      columns: knownColumns(declared, described?.ok ? described.columns : [])
    }
  }
  if (described?.ok) {
    return { columns: knownColumns(described.columns), from: described.from }
  }
  return described ? { unknown: described } : {}
}

/**
 * What a template can know of each table it reads: `--columns` names the
 * first one's columns.
 * @param {Manifest} manifest
 * @param {TemplateStep} request
 * @param {DescribeTable | undefined} describe
 * @returns {Promise<Map<string, TableColumns>>}
 */
async function columnsOfInputs(manifest, request, describe) {
  const after = request.after
    ? manifest.flow.findIndex((s) => s.key === request.after) + 1
    : 0
  const position = after > 0 ? after : manifest.flow.length
  /** @type {Map<string, TableColumns>} */
  const known = new Map()
  for (const [i, table] of request.inputs.entries()) {
    const named = i === 0 ? request.columns : undefined
    known.set(
      table,
      await columnsOf(manifest, table, position, named, describe)
    )
  }
  return known
}

/**
 * Applies a template to the new step: its manifest fields, the values of
 * the template's placeholders, and the tables whose columns dtflw learned
 * (with where from); or why it cannot.
 * @param {Manifest} manifest
 * @param {TemplateStep} request
 * @param {DescribeTable | undefined} describe Learns columns the manifest does not declare.
 * @returns {Promise<Planned & { learned?: { table: string, from: string }[], warnings?: Diagnostic[] }>}
 */
export async function planTemplateStep(manifest, request, describe) {
  if (request.outputs.length !== 1) {
    return {
      ok: false,
      diagnostics: [
        errorAt(
          'template-outputs',
          `a template writes one table; got ${request.outputs.length === 0 ? 'none' : request.outputs.join(', ')}. Pass --outputs TABLE, or leave it out to name the table after the step.`
        )
      ]
    }
  }
  const known = await columnsOfInputs(manifest, request, describe)
  const planned = planTemplate(request.template, {
    step: request.step,
    inputs: request.inputs,
    output: request.outputs[0],
    language: request.language,
    key: request.key,
    by: request.by,
    columnsOf: (table) => known.get(table)?.columns,
    unknownWhy: (table) => known.get(table)?.unknown
  })
  if (!planned.ok) return planned
  const learned = [...known].flatMap(([table, c]) =>
    c.from ? [{ table, from: c.from }] : []
  )
  // The template went on without them: say what that costs, and why.
  const warnings = [...known].flatMap(([table, c]) =>
    c.unknown
      ? [
          warningAt(
            'template-columns-unknown',
            `the columns of "${table}" are not known, so the new step declares no columns for what it writes: ${c.unknown.why}. ${capitalized(c.unknown.fix)}, or pass --columns a,b,c.`
          )
        ]
      : []
  )
  return { ...planned, learned, warnings }
}

/** @param {string} text */
function capitalized(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
