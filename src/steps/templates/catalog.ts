import { errorAt } from '../../diagnostics/index.js'
import { aggregate } from './aggregate.js'
import { ingestAppend, ingestOverwrite, scd2 } from './ingest.js'
import { dimension, fact } from './star.js'
import type {
  EtlTemplate,
  NotebookTemplate,
  Planned,
  TemplateRequest
} from './types.js'

/** A template with the function that applies it. */
interface TemplateEntry extends EtlTemplate {
  readonly plan: (req: TemplateRequest) => Planned
}

/** The templates, in the order they are listed and asked for. */
const TEMPLATES: readonly TemplateEntry[] = [
  {
    name: 'ingest-overwrite',
    summary: 'copy a table, replacing the copy on every run',
    languages: ['sql', 'python'],
    key: 'none',
    by: false,
    plan: ingestOverwrite
  },
  {
    name: 'ingest-append',
    summary:
      'append the rows a table does not hold yet (matched on --key, else every column); re-running a batch adds nothing',
    languages: ['sql'],
    key: 'optional',
    by: false,
    plan: ingestAppend
  },
  {
    name: 'scd2',
    summary:
      'slowly changing dimension of type 2 (valid_from, valid_to, is_current) kept with MERGE INTO, keyed by --key',
    languages: ['sql'],
    key: 'required',
    by: false,
    plan: scd2
  },
  {
    name: 'dimension',
    summary:
      'star-schema dimension keyed by --key, with surrogate keys that stay stable from run to run',
    languages: ['sql'],
    key: 'required',
    by: false,
    plan: dimension
  },
  {
    name: 'fact',
    summary:
      'star-schema fact table: the first input, with the surrogate keys of the dimensions listed after it',
    languages: ['sql'],
    key: 'none',
    by: false,
    plan: fact
  },
  {
    name: 'aggregate',
    summary:
      'rollup by --by columns or periods (day, week, month, quarter, year): row count and sums',
    languages: ['sql'],
    key: 'none',
    by: true,
    plan: aggregate
  }
]

/** The names of the templates, in the order they are listed. */
export function templateNames(): string[] {
  return TEMPLATES.map((t) => t.name)
}

/** The template of that name, if there is one. */
export function findTemplate(name: string): EtlTemplate | undefined {
  return TEMPLATES.find((t) => t.name === name)
}

/**
 * The notebook templates of `dtflw add --template`, each with its one-line
 * summary and the languages it is written in.
 */
export function listTemplates(): NotebookTemplate[] {
  return TEMPLATES.map((t) => ({
    name: t.name,
    summary: t.summary,
    languages: [...t.languages]
  }))
}

/**
 * Applies template `name` to a step: what the step reads and writes, the
 * columns it will have, and the text that fills the template. Refuses,
 * saying what to pass, when it lacks what it needs (a key, the columns).
 */
export function planTemplate(name: string, req: TemplateRequest): Planned {
  const template = TEMPLATES.find((t) => t.name === name)
  if (!template) {
    return {
      ok: false,
      diagnostics: [
        errorAt(
          'unknown-template',
          `no template "${name}"; the templates are: ${templateNames().join(', ')} (dtflw add --list-templates).`
        )
      ]
    }
  }
  return template.plan(req)
}
