// @ts-check

/**
 * What a template knows of a column of the table it reads: its name, its
 * type (null when neither the manifest declares one nor dtflw could learn
 * it), and whether it holds numbers or dates, for the templates that sum
 * numbers and group by periods.
 * @typedef {object} KnownColumn
 * @property {string} name
 * @property {string | null} type
 * @property {'number' | 'date' | 'text' | 'unknown'} kind
 */

/**
 * What dtflw learned of a table's columns without running the flow (the
 * `describeTable` option of `addStep`): the columns with Spark types and
 * where they come from, or why not and what to do.
 * @typedef {{ ok: true, columns: readonly { name: string, type: string }[], from: string }
 *   | { ok: false, why: string, fix: string }} TableDescription
 */

/**
 * Asks dtflw for the columns of `table` as step `producer` writes it (no
 * producer: the source `table`).
 * @typedef {(table: string, producer?: string) => Promise<TableDescription>} DescribeTable
 */

const NUMBER_TYPE =
  /^(tinyint|smallint|int|integer|bigint|long|short|byte|float|double|real|(decimal|dec|numeric)(\(.*\))?)$/
const DATE_TYPE = /^(date|timestamp(_ntz|_ltz)?)$/

/**
 * The kind of a column type.
 * @param {string | null} type
 * @returns {KnownColumn['kind']}
 */
export function kindOfType(type) {
  if (type === null) return 'unknown'
  const t = type.toLowerCase().replace(/\s+/g, '')
  if (NUMBER_TYPE.test(t)) return 'number'
  if (DATE_TYPE.test(t)) return 'date'
  if (t === 'string' || /^(var)?char/.test(t)) return 'text'
  return 'unknown'
}

/**
 * Columns by name, each typed as declared, else as dtflw learned it
 * (`learned`, when it knows the column), else null.
 * @param {readonly { name: string, type: string | null }[]} named
 * @param {readonly { name: string, type: string }[]} [learned]
 * @returns {KnownColumn[]}
 */
export function knownColumns(named, learned = []) {
  const types = new Map(learned.map((c) => [c.name, c.type]))
  return named.map((c) => {
    const type = c.type ?? types.get(c.name) ?? null
    return { name: c.name, type, kind: kindOfType(type) }
  })
}
