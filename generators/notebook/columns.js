// @ts-check
import { Buffer } from 'node:buffer'
import { open } from 'node:fs/promises'
import path from 'node:path'

/**
 * What a template knows of a column of the table it reads: its name, the
 * type the manifest declares for it (null when none is declared), and
 * whether it holds numbers or dates, for the templates that sum numbers
 * and group by periods.
 * @typedef {object} KnownColumn
 * @property {string} name
 * @property {string | null} type
 * @property {'number' | 'date' | 'text' | 'unknown'} kind
 */

const NUMBER_TYPE =
  /^(tinyint|smallint|int|integer|bigint|long|short|byte|float|double|real|(decimal|dec|numeric)(\(.*\))?)$/
const DATE_TYPE = /^(date|timestamp(_ntz|_ltz)?)$/

/**
 * The kind of a declared column type.
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

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/

/**
 * The kind of a CSV column from its values: numbers or dates when every
 * value that is not empty looks like one.
 * @param {readonly string[]} values
 * @returns {KnownColumn['kind']}
 */
export function kindOfValues(values) {
  const present = values.map((v) => v.trim()).filter((v) => v !== '')
  if (present.length === 0) return 'unknown'
  if (present.every((v) => NUMBER.test(v))) return 'number'
  if (present.every((v) => DATE.test(v))) return 'date'
  return 'text'
}

/**
 * Splits CSV text into rows of fields: quoted fields may hold the
 * delimiter, doubled quotes and line breaks. A last line cut off is
 * dropped by the caller.
 * @param {string} text
 * @param {string} delimiter
 * @returns {string[][]}
 */
export function parseCsv(text, delimiter = ',') {
  /** @type {string[][]} */
  const rows = []
  /** @type {string[]} */
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** Bytes of a CSV file read to learn its columns. */
const HEAD_BYTES = 64 * 1024

/**
 * The columns of a local CSV file: the header's names, each with the kind
 * its first rows show. Undefined when the file cannot be read.
 * @param {string} file
 * @param {string} [delimiter]
 * @returns {Promise<KnownColumn[] | undefined>}
 */
export async function columnsOfCsv(file, delimiter = ',') {
  let handle
  try {
    handle = await open(file, 'r')
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    const text = buffer.subarray(0, bytesRead).toString('utf8')
    const rows = parseCsv(text.replace(/^\uFEFF/, ''), delimiter)
    if (bytesRead === HEAD_BYTES) rows.pop()
    const [header, ...data] = rows
    if (!header || header.every((h) => h.trim() === '')) return undefined
    return header.map((name, i) => ({
      name: name.trim(),
      type: null,
      kind: kindOfValues(data.map((r) => r[i] ?? ''))
    }))
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}

/**
 * Where a template learns the columns of a table it reads, first found
 * first: the columns the manifest declares on the output that produces it,
 * else, for a source the profile keeps in a local CSV file, that file's
 * header.
 * @param {object} known
 * @param {readonly { name: string, type: string | null }[] | undefined} known.declared
 * @param {{ path: string, format: string, options?: Readonly<Record<string, string>> } | undefined} known.csvSource
 *   A source's local file, relative to `root`.
 * @param {string} root
 * @returns {Promise<KnownColumn[] | undefined>}
 */
export async function learnColumns(known, root) {
  if (known.declared) {
    return known.declared.map((c) => ({
      name: c.name,
      type: c.type,
      kind: kindOfType(c.type)
    }))
  }
  const source = known.csvSource
  if (
    source &&
    source.format === 'csv' &&
    !/^[a-z][\w+.-]*:\//i.test(source.path)
  ) {
    const options = source.options ?? {}
    const delimiter = options.sep ?? options.delimiter ?? ','
    return columnsOfCsv(path.resolve(root, source.path), delimiter)
  }
  return undefined
}
