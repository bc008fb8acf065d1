import type { Language } from './templates/index.js'

/**
 * The widgets a generated notebook declares: one per parameter the flow
 * passes it, valued with what a profile gives, so a person who opens the
 * notebook in the workspace can run it as it stands. In a flow run the
 * passed values win over these defaults, on Databricks and on the local
 * engine alike.
 */

/** A parameter as a Python or SQL identifier. */
export function ident(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_')
}

/**
 * A default as a SQL string literal both Databricks (backslash escapes) and
 * the local engine (quotes doubled) read alike: single quotes, or double
 * when the value holds a single quote; undefined when it holds both, or a
 * backslash.
 */
export function sqlDefault(value: string): string | undefined {
  if (value.includes('\\')) return undefined
  if (!value.includes("'")) return `'${value}'`
  if (!value.includes('"')) return `"${value}"`
  return undefined
}

function note(profile: string, leader: string): string[] {
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
 * @param profile The profile the defaults come from ('' for none).
 */
export function renderSqlWidgets(
  parameters: Readonly<Record<string, string>>,
  profile: string
): string {
  const lines = Object.entries(parameters).map(
    ([name, value]) =>
      `CREATE WIDGET TEXT ${ident(name)} DEFAULT ${sqlDefault(value) ?? "''"}`
  )
  return [...note(profile, '--'), lines.join(';\n')].join('\n')
}

/**
 * The widget cell of a Python notebook: `dbutils.widgets.text(name,
 * default)` per parameter, then a variable of each value.
 * @param profile The profile the defaults come from ('' for none).
 */
export function renderPythonWidgets(
  parameters: Readonly<Record<string, string>>,
  profile: string
): string {
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

/** The widget cell for a language. */
export function renderWidgets(
  language: Language,
  parameters: Readonly<Record<string, string>>,
  profile: string
): string {
  return language === 'python'
    ? renderPythonWidgets(parameters, profile)
    : renderSqlWidgets(parameters, profile)
}
