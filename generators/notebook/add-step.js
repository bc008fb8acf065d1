// @ts-check
import { existsSync } from 'node:fs'
import { access, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { didYouMean, errorAt, writeFileAtomic } from '../dtflw.js'
import { ETL_TEMPLATES, findTemplate } from './etl-templates.js'
import { fillTemplate, readTemplate, rewrapMarkdown } from './fill.js'
import { renderNotebook } from './notebook-source.js'
import {
  defaultInputs,
  defaultLanguage,
  planAddStep,
  readSoundManifest,
  tablesBefore
} from './plan-step.js'
import { loadWidgetProfile, planWidgetDefaults } from './profile-values.js'
import { stepQuestions } from './questions.js'
import { planTemplateStep } from './template-step.js'
import { renderWidgets } from './widgets.js'

/** @typedef {import('../dtflw.js').Diagnostic} Diagnostic */
/** @typedef {import('./notebook-source.js').Language} Language */
/** @typedef {import('./questions.js').StepQuestion} StepQuestion */

/**
 * @typedef {object} AddStepOptions
 * @property {string} root The pipeline's folder (where dtflw.yaml is).
 * @property {string} [manifest] The manifest, relative to root (default dtflw.yaml).
 * @property {string} [step] The step's key and notebook file name; asked when missing.
 * @property {string} [template] A notebook template (`dtflw add --list-templates`).
 * @property {readonly string[]} [inputs] Tables it reads.
 * @property {readonly string[]} [outputs] Tables it writes (default: the step's name).
 * @property {readonly string[]} [key] `--key`: the business key a template keys on.
 * @property {readonly string[]} [by] `--by`: what `aggregate` groups by.
 * @property {readonly string[]} [columns] `--columns`: the columns of the table a template reads.
 * @property {string} [language] `sql` or `python` (default: the last step's; in an empty flow Python where requirements.txt is, else SQL).
 * @property {string} [after] Insert after this step.
 * @property {string} [profile] The profile whose values the widgets take (default development).
 * @property {Readonly<Record<string, string | undefined>>} [env]
 *   The environment profiles are read with (`${VAR}`).
 * @property {import('./columns.js').DescribeTable} [describeTable]
 *   Learns the columns (and types) of a table a template reads that the
 *   manifest does not declare: dtflw's local engine (`createColumnLearner`).
 *   Without it a template knows only declared columns.
 * @property {boolean} [yes] Take the defaults for what is missing; never ask.
 * @property {(questions: StepQuestion[]) => Promise<Record<string, unknown>>} [ask]
 *   Asks what is missing when `yes` is not set (a terminal, or Yeoman's prompt).
 */

/**
 * @typedef {object} AddedStep
 * @property {string} key
 * @property {string} notebook Relative to root, POSIX.
 * @property {Language} language
 * @property {string} [template]
 * @property {string[]} inputs
 * @property {string[]} outputs
 * @property {string} [after] The step it follows; none when it comes first.
 * @property {string} manifest The manifest as shown in messages.
 * @property {number} line Its line in the manifest.
 * @property {string} [profile] The profile the widget defaults come from.
 * @property {{ table: string, from: string }[]} [learned]
 *   Tables whose columns dtflw learned for the template, and from where.
 */

/**
 * What `addStep` did: exit code 0 with the step and the files written, or 2
 * with the diagnostics that refused it (and nothing written).
 * @typedef {object} AddStepResult
 * @property {0 | 2} exitCode
 * @property {Diagnostic[]} diagnostics
 * @property {AddedStep} [step]
 * @property {string[]} written Paths relative to root.
 */

/** @param {string} code @param {string} summary */
const refuse = (code, summary) => ({
  ok: /** @type {const} */ (false),
  diagnostics: [errorAt(code, summary)]
})

/**
 * The files a new step needs, or why it cannot be added: everything
 * `addStep` decides, for the CLI and the Yeoman generator (which writes the
 * files through its own file system). The notebook declares a widget per
 * parameter, valued as the chosen profile plans the flow.
 * @param {AddStepOptions} options
 * @returns {Promise<{ ok: true, step: AddedStep, files: { path: string, content: string }[], diagnostics: Diagnostic[] } | { ok: false, diagnostics: Diagnostic[] }>}
 */
export async function prepareStep(options) {
  const manifestPath = options.manifest ?? 'dtflw.yaml'
  const file = path.join(options.root, manifestPath)
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return refuse(
      'missing-manifest',
      `${manifestPath} not found in ${options.root}; run dtflw add in a pipeline's folder, or create one with npm init dtflw-pipeline.`
    )
  }
  const read = readSoundManifest(text, manifestPath, options.root)
  if (!read.manifest) {
    return {
      ok: false,
      diagnostics: [
        errorAt(
          'invalid-manifest',
          `${manifestPath} has problems; fix them first (dtflw validate), then add the step.`
        ),
        ...read.diagnostics
      ]
    }
  }
  const manifest = read.manifest
  const fallbackLanguage =
    manifest.flow.length > 0
      ? defaultLanguage(manifest)
      : await languageOfEmptyFlow(options.root)
  /** @type {Record<string, unknown>} */
  let answers = {}
  if (!options.yes && options.ask) {
    const questions = stepQuestions(
      {
        step: options.step,
        template: options.template,
        inputs: options.inputs,
        outputs: options.outputs,
        key: options.key,
        by: options.by,
        language: options.language
      },
      {
        tables: [...tablesBefore(manifest, manifest.flow.length).keys()],
        inputs: defaultInputs(manifest, options.after),
        language: fallbackLanguage
      }
    )
    if (questions.length > 0) answers = await options.ask(questions)
  }
  const step = String(options.step ?? answers.step ?? '').trim()
  if (!step) {
    return refuse(
      'missing-step',
      'name the step to add: dtflw add STEP (its key and notebook file name).'
    )
  }
  const templateName =
    String(options.template ?? answers.template ?? '').trim() || undefined
  const template = templateName ? findTemplate(templateName) : undefined
  if (templateName && !template) {
    const names = ETL_TEMPLATES.map((t) => t.name)
    return refuse(
      'unknown-template',
      `no template "${templateName}";${didYouMean(templateName, names) || ` the templates are: ${names.join(', ')}.`}`
    )
  }
  const key = options.key ?? listOf(answers.key) ?? []
  const by = options.by ?? listOf(answers.by) ?? []
  const unused = [
    ...(key.length > 0 && (template?.key ?? 'none') === 'none'
      ? ['--key']
      : []),
    ...(by.length > 0 && !template?.by ? ['--by'] : []),
    ...(options.columns && !template ? ['--columns'] : [])
  ]
  if (unused.length > 0) {
    return refuse(
      'unused-option',
      `${unused.join(' and ')} ${unused.length > 1 ? 'go' : 'goes'} with a template that uses ${unused.length > 1 ? 'them' : 'it'}${template ? `, and ${template.name} does not` : ''}; see dtflw add --list-templates.`
    )
  }
  const inputs =
    options.inputs ??
    listOf(answers.inputs) ??
    defaultInputs(manifest, options.after)
  const outputs = options.outputs ??
    listOf(answers.outputs) ?? [step.replace(/-/g, '_')]
  const preferred = template?.languages.includes(fallbackLanguage)
    ? fallbackLanguage
    : (template?.languages[0] ?? fallbackLanguage)
  const language = String(options.language ?? answers.language ?? preferred)
  if (language !== 'sql' && language !== 'python') {
    return refuse(
      'invalid-language',
      `--language must be sql or python, got "${language}".`
    )
  }
  if (template && !template.languages.includes(language)) {
    return refuse(
      'template-language',
      `template ${template.name} is written in ${template.languages.join(' and ')}, not ${language}; drop --language ${language}.`
    )
  }
  const profile = await loadWidgetProfile(
    manifest,
    options.profile,
    options.env ?? {}
  )
  if (!profile.ok) return profile
  /** @type {import('./etl-templates.js').TemplatePlan | undefined} */
  let applied
  /** @type {{ table: string, from: string }[]} */
  let learned = []
  /** @type {Diagnostic[]} */
  let warnings = []
  if (template) {
    const planned = await planTemplateStep(
      manifest,
      {
        template: template.name,
        step,
        inputs,
        outputs,
        language,
        key,
        by,
        ...(options.columns ? { columns: options.columns } : {}),
        ...(options.after ? { after: options.after } : {})
      },
      options.describeTable
    )
    if (!planned.ok) return planned
    applied = planned.plan
    learned = planned.learned ?? []
    warnings = planned.warnings ?? []
  }
  const plan = planAddStep(
    text,
    manifest,
    {
      step,
      inputs,
      outputs,
      language,
      after: options.after,
      ...(applied
        ? {
            entry: {
              ...(applied.args ? { args: applied.args } : {}),
              inputs: applied.inputs,
              outputs: applied.outputs
            }
          }
        : {})
    },
    (p) => existsSync(path.join(options.root, p))
  )
  if (!plan.ok) return plan
  const widgets = planWidgetDefaults(
    plan.parsed,
    step,
    profile.profile,
    options.env ?? {}
  )
  const profileName = profile.profile?.name ?? ''
  const content = applied
    ? rewrapMarkdown(
        fillTemplate(await readTemplate(applied.file), {
          ...applied.values,
          step,
          widgets: renderWidgets(language, widgets.parameters, profileName)
        })
      )
    : renderNotebook(
        language,
        { key: step, inputs, outputs },
        { parameters: widgets.parameters, profile: profileName }
      )
  return {
    ok: true,
    step: {
      key: step,
      notebook: plan.notebook,
      language,
      ...(template ? { template: template.name } : {}),
      inputs: [...inputs],
      outputs: [...outputs],
      ...(plan.after ? { after: plan.after } : {}),
      manifest: manifestPath,
      line: plan.line,
      ...(profileName ? { profile: profileName } : {}),
      ...(learned.length > 0 ? { learned } : {})
    },
    files: [
      { path: plan.notebook, content },
      { path: manifestPath, content: plan.manifest }
    ],
    diagnostics: [...profile.diagnostics, ...warnings, ...widgets.diagnostics]
  }
}

/**
 * `dtflw add STEP`: writes the step's notebook and inserts the step into the
 * manifest, keeping the manifest's comments, blank lines and quoting.
 * Refuses (exit 2, nothing written) an input that no earlier step writes and
 * no source declares, with a did-you-mean. The notebook is written first and
 * removed again if the manifest cannot be written, so a failure leaves
 * neither.
 * @param {AddStepOptions} options
 * @returns {Promise<AddStepResult>}
 */
export async function addStep(options) {
  const prepared = await prepareStep(options)
  if (!prepared.ok) {
    return { exitCode: 2, diagnostics: prepared.diagnostics, written: [] }
  }
  const [notebook, manifest] = prepared.files
  const notebookFile = path.join(options.root, notebook.path)
  await writeFileAtomic(notebookFile, notebook.content)
  try {
    await writeFileAtomic(
      path.join(options.root, manifest.path),
      manifest.content
    )
  } catch (error) {
    await rm(notebookFile, { force: true })
    throw error
  }
  return {
    exitCode: 0,
    diagnostics: prepared.diagnostics,
    step: prepared.step,
    written: [notebook.path, manifest.path]
  }
}

/** `a, b` → ['a', 'b']; undefined for nothing. @param {unknown} value */
function listOf(value) {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.map(String)
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/**
 * The language of a pipeline with no step yet: Python where the repository
 * lists Python packages (`npm init dtflw-pipeline --language python` writes
 * `requirements.txt`), else SQL.
 * @param {string} root
 * @returns {Promise<Language>}
 */
async function languageOfEmptyFlow(root) {
  try {
    await access(path.join(root, 'requirements.txt'))
    return 'python'
  } catch {
    return 'sql'
  }
}
