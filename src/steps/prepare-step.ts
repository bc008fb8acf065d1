import { existsSync } from 'node:fs'
import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import { errorAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { Manifest } from '../manifest/index.js'
import { renderNotebook } from './notebook-source.js'
import {
  defaultInputs,
  defaultLanguage,
  planAddStep,
  readSoundManifest,
  tablesBefore
} from './plan-step.js'
import { stepQuestions } from './questions.js'
import type { Answers } from './questions.js'
import { planStepFields, refuse } from './step-fields.js'
import type { StepFields } from './step-fields.js'
import { planTemplateStep } from './template-step.js'
import {
  fillTemplate,
  output,
  readTemplate,
  rewrapMarkdown
} from './templates/index.js'
import type { Language, TemplatePlan } from './templates/index.js'
import type { AddStepOptions, PreparedStep } from './types.js'
import { loadWidgetProfile, planWidgetDefaults } from './widget-values.js'
import { renderWidgets } from './widgets.js'

/**
 * The language of a pipeline with no step yet: Python where the repository
 * lists Python packages (`npm init dtflw-pipeline --language python` writes
 * `requirements.txt`), else SQL.
 */
async function languageOfEmptyFlow(root: string): Promise<Language> {
  try {
    await access(path.join(root, 'requirements.txt'))
    return 'python'
  } catch {
    return 'sql'
  }
}

/** Asks for what the options leave out, unless told never to ask. */
async function askMissing(
  options: AddStepOptions,
  manifest: Manifest,
  language: Language
): Promise<Answers> {
  if (options.yes || !options.ask) return {}
  const questions = stepQuestions(options, {
    tables: [...tablesBefore(manifest, manifest.flow.length).keys()],
    inputs: defaultInputs(manifest, options.after),
    language
  })
  return questions.length > 0 ? options.ask(questions) : {}
}

/** A template's manifest fields and placeholder values, or why not. */
async function applyTemplate(
  options: AddStepOptions,
  manifest: Manifest,
  fields: StepFields
): Promise<
  | {
      ok: true
      plan?: TemplatePlan
      learned: { table: string; from: string }[]
      warnings: Diagnostic[]
    }
  | { ok: false; diagnostics: Diagnostic[] }
> {
  if (!fields.template) return { ok: true, learned: [], warnings: [] }
  const planned = await planTemplateStep(
    manifest,
    {
      template: fields.template.name,
      step: fields.step,
      inputs: fields.inputs,
      outputs: fields.outputs,
      language: fields.language,
      key: fields.key,
      by: fields.by,
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.after ? { after: options.after } : {})
    },
    options.describeTable
  )
  if (!planned.ok) return planned
  return {
    ok: true,
    plan: planned.plan,
    learned: planned.learned ?? [],
    warnings: planned.warnings ?? []
  }
}

/**
 * The files a new step needs, or why it cannot be added: everything
 * `addStep` decides, for the CLI and the Yeoman generator (which writes the
 * files through its own file system). The notebook declares a widget per
 * parameter, valued as the chosen profile plans the flow.
 */
export async function prepareStep(
  options: AddStepOptions
): Promise<PreparedStep> {
  const manifestPath = options.manifest ?? 'dtflw.yaml'
  let text: string
  try {
    text = await readFile(path.join(options.root, manifestPath), 'utf8')
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
  const fallback =
    manifest.flow.length > 0
      ? defaultLanguage(manifest)
      : await languageOfEmptyFlow(options.root)
  const answers = await askMissing(options, manifest, fallback)
  const fields = planStepFields(options, answers, manifest, fallback)
  if (!fields.ok) return fields
  const { step, inputs, outputs, language } = fields
  const env = options.env ?? {}
  const profile = await loadWidgetProfile(manifest, options.profile, env)
  if (!profile.ok) return profile
  const template = await applyTemplate(options, manifest, fields)
  if (!template.ok) return template
  const applied = template.plan
  const plan = planAddStep(
    text,
    manifest,
    {
      step,
      inputs,
      outputs,
      language,
      ...(options.after !== undefined ? { after: options.after } : {}),
      ...(applied
        ? {
            entry: {
              ...(applied.args ? { args: applied.args } : {}),
              inputs: applied.inputs,
              outputs: applied.outputs
            }
          }
        : fields.key.length > 0
          ? { entry: { outputs: [output(outputs[0], undefined, fields.key)] } }
          : {})
    },
    (p) => existsSync(path.join(options.root, p))
  )
  if (!plan.ok) return plan
  const widgets = planWidgetDefaults(plan.parsed, step, profile.profile, env)
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
      ...(fields.template ? { template: fields.template.name } : {}),
      inputs: [...inputs],
      outputs: [...outputs],
      ...(plan.after ? { after: plan.after } : {}),
      manifest: manifestPath,
      line: plan.line,
      ...(profileName ? { profile: profileName } : {}),
      ...(template.learned.length > 0 ? { learned: template.learned } : {})
    },
    files: [
      { path: plan.notebook, content },
      { path: manifestPath, content: plan.manifest }
    ],
    diagnostics: [
      ...profile.diagnostics,
      ...template.warnings,
      ...widgets.diagnostics
    ]
  }
}
