// @ts-check

/**
 * The widgets a generated notebook declares: one per parameter the flow
 * passes it, valued with what a profile gives, so a person who opens the
 * notebook in the workspace can run it as it stands. In a flow run the
 * passed values win over these defaults, on Databricks and on the local
 * engine alike.
 */

/** @typedef {'sql' | 'python'} Language */

/** A parameter as a Python or SQL identifier. @param {string} name */
export const ident = (name) => name.replace(/[^A-Za-z0-9_]/g, '_')

/**
 * A default as a SQL string literal both Databricks (backslash escapes) and
 * the local engine (quotes doubled) read alike: single quotes, or double
 * when the value holds a single quote; undefined when it holds both, or a
 * backslash.
 * @param {string} value
 */
export function sqlDefault(value) {
  if (value.includes('\\')) return undefined
  if (!value.includes("'")) return `'${value}'`
  if (!value.includes('"')) return `"${value}"`
  return undefined
}

/** @param {string} profile @param {string} leader */
function note(profile, leader) {
  return profile
    ? [
        `${leader} Parameters: a flow run passes each one. The defaults are the values`,
        `${leader} of profile ${profile}, for running this notebook by hand.`
      ]
    : [`${leader} Parameters: a flow run passes each one.`]
}

/**
 * The widget cell of a SQL notebook: `CREATE WIDGET TEXT name DEFAULT '…'`
 * per parameter. A value no SQL literal holds safely is left empty.
 * @param {Readonly<Record<string, string>>} parameters
 * @param {string} profile The profile the defaults come from ('' for none).
 */
export function renderSqlWidgets(parameters, profile) {
  const lines = Object.entries(parameters).map(
    ([name, value]) =>
      `CREATE WIDGET TEXT ${ident(name)} DEFAULT ${sqlDefault(value) ?? "''"}`
  )
  return [...note(profile, '--'), lines.join(';\n')].join('\n')
}

/**
 * The widget cell of a Python notebook: `dbutils.widgets.text(name,
 * default)` per parameter, then a variable of each value.
 * @param {Readonly<Record<string, string>>} parameters
 * @param {string} profile The profile the defaults come from ('' for none).
 */
export function renderPythonWidgets(parameters, profile) {
  const names = Object.keys(parameters)
  return [
    ...note(profile, '#'),
    ...names.map(
      (n) =>
        `dbutils.widgets.text(${JSON.stringify(n)}, ${JSON.stringify(parameters[n])})`
    ),
    '',
    ...names.map(
      (n) => `${ident(n)} = dbutils.widgets.get(${JSON.stringify(n)})`
    )
  ].join('\n')
}

/**
 * The widget cell for a language.
 * @param {Language} language
 * @param {Readonly<Record<string, string>>} parameters
 * @param {string} profile
 */
export function renderWidgets(language, parameters, profile) {
  return language === 'python'
    ? renderPythonWidgets(parameters, profile)
    : renderSqlWidgets(parameters, profile)
}
