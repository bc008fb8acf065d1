import { didYouMean, errorAt } from '../diagnostics/index.js'
import type { Diagnostic } from '../diagnostics/index.js'
import type { Manifest } from '../manifest/index.js'
import { defaultInputs } from './plan-step.js'
import type { Answers } from './questions.js'
import { findTemplate, templateNames } from './templates/index.js'
import type { EtlTemplate, Language } from './templates/index.js'
import type { AddStepOptions } from './types.js'

/** The new step's fields, each from an option, an answer or its default. */
export interface StepFields {
  readonly step: string
  readonly template?: EtlTemplate
  readonly key: readonly string[]
  readonly by: readonly string[]
  readonly inputs: readonly string[]
  readonly outputs: readonly string[]
  readonly language: Language
}

/** A refusal with one diagnostic. */
export function refuse(
  code: string,
  summary: string
): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [errorAt(code, summary)] }
}

/** `a, b` → ['a', 'b']; undefined for nothing. */
function listOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.map(String)
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/**
 * Decides the new step's fields: what the options say, else what was
 * answered, else the defaults (its inputs what the step before it writes,
 * its output named after it, its language the flow's, or the template's
 * when the template is not written in that). Refuses a template that does
 * not exist, an option no chosen template uses, and a language that is not
 * SQL or Python or not the template's.
 * @param fallback The language of the flow (`defaultLanguage`).
 */
export function planStepFields(
  options: AddStepOptions,
  answers: Answers,
  manifest: Manifest,
  fallback: Language
): ({ ok: true } & StepFields) | { ok: false; diagnostics: Diagnostic[] } {
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
    const names = templateNames()
    return refuse(
      'unknown-template',
      `no template "${templateName}";${didYouMean(templateName, names) || ` the templates are: ${names.join(', ')}.`}`
    )
  }
  const key = options.key ?? listOf(answers.key) ?? []
  const by = options.by ?? listOf(answers.by) ?? []
  const unused = [
    // A template that takes no key has no use for one; a plain step's
    // --key is its output's, for the data diff.
    ...(key.length > 0 && template && template.key === 'none' ? ['--key'] : []),
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
  if (key.length > 0 && !template && outputs.length !== 1) {
    return refuse(
      'key-of-which-output',
      `--key names the key of the step's one output, and it has ${outputs.length}; add the step, then write key: [...] under each output in dtflw.yaml.`
    )
  }
  const preferred = template?.languages.includes(fallback)
    ? fallback
    : (template?.languages[0] ?? fallback)
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
  return {
    ok: true,
    step,
    ...(template ? { template } : {}),
    key,
    by,
    inputs,
    outputs,
    language
  }
}
