// @ts-check
import { errorAt } from '../dtflw.js'
import { learnColumns } from './columns.js'
import { planTemplate } from './etl-templates.js'
import { tablesBefore } from './plan-step.js'

/** @typedef {import('../dtflw.js').Manifest} Manifest */
/** @typedef {import('../dtflw.js').ResolvedProfile} ResolvedProfile */
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

/** How far `columnsOf` follows columns upstream to learn their kinds. */
const UPSTREAM_STEPS = 8

/**
 * The columns of `table` as read just before flow position `position`:
 * what the manifest declares on the output that produces it, else, for a
 * source the profile keeps in a local CSV file, the file's header. A
 * declared column without a type takes its kind (number, date) from the
 * column of the same name in what its producer reads, so a copy of a CSV
 * file still sums its numbers and groups by its dates.
 * @param {Manifest} manifest
 * @param {ResolvedProfile | undefined} profile
 * @param {string} table
 * @param {number} position
 * @param {number} [depth]
 * @returns {Promise<KnownColumn[] | undefined>}
 */
async function columnsOf(manifest, profile, table, position, depth = 0) {
  const producer = tablesBefore(manifest, position).get(table)
  const declared = producer?.outputs.find((o) => o.alias === table)?.columns
  const source = producer ? undefined : profile?.sources[table]
  const columns = await learnColumns(
    { declared, csvSource: source && 'path' in source ? source : undefined },
    manifest.root
  )
  if (!columns || !producer || depth >= UPSTREAM_STEPS) return columns
  if (columns.every((c) => c.kind !== 'unknown')) return columns
  /** @type {Map<string, KnownColumn['kind']>} */
  const kinds = new Map()
  const at = manifest.flow.indexOf(producer)
  for (const input of producer.inputs) {
    const upstream = await columnsOf(
      manifest,
      profile,
      input.source ?? input.name,
      at,
      depth + 1
    )
    for (const c of upstream ?? []) {
      if (!kinds.has(c.name) && c.kind !== 'unknown') kinds.set(c.name, c.kind)
    }
  }
  return columns.map((c) =>
    c.kind === 'unknown' ? { ...c, kind: kinds.get(c.name) ?? 'unknown' } : c
  )
}

/**
 * The columns a template can know of each table it reads: `--columns` for
 * the first, else `columnsOf`.
 * @param {Manifest} manifest
 * @param {TemplateStep} request
 * @param {ResolvedProfile | undefined} profile
 * @returns {Promise<Map<string, KnownColumn[]>>}
 */
async function knownColumns(manifest, request, profile) {
  const after = request.after
    ? manifest.flow.findIndex((s) => s.key === request.after) + 1
    : 0
  const position = after > 0 ? after : manifest.flow.length
  /** @type {Map<string, KnownColumn[]>} */
  const known = new Map()
  for (const [i, table] of request.inputs.entries()) {
    const columns =
      i === 0 && request.columns
        ? request.columns.map((name) => ({
            name,
            type: null,
            kind: /** @type {const} */ ('unknown')
          }))
        : await columnsOf(manifest, profile, table, position)
    if (columns) known.set(table, columns)
  }
  return known
}

/**
 * Applies a template to the new step: its manifest fields and the values
 * of the template's placeholders, or why it cannot.
 * @param {Manifest} manifest
 * @param {TemplateStep} request
 * @param {ResolvedProfile | undefined} profile
 * @returns {Promise<Planned>}
 */
export async function planTemplateStep(manifest, request, profile) {
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
  const known = await knownColumns(manifest, request, profile)
  return planTemplate(request.template, {
    step: request.step,
    inputs: request.inputs,
    output: request.outputs[0],
    language: request.language,
    key: request.key,
    by: request.by,
    columnsOf: (table) => known.get(table)
  })
}
