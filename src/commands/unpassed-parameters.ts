import { access } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostic } from '../diagnostics/index.js'
import { errorAt, formatLine, warningAt } from '../diagnostics/index.js'
import type { StepSpec } from '../manifest/index.js'
import type { Notebook, ParameterReference } from '../notebooks/index.js'
import {
  findParameterReferences,
  findRunTargets,
  findWidgetDeclarations,
  readNotebook,
  runTargetCandidates
} from '../notebooks/index.js'

/**
 * The parameters a notebook reads that its step does not pass. Such a read
 * fails at run time, on Databricks ("No input widget named …") and on the
 * local engine alike, unless the notebook, or a notebook it `%run`s,
 * declares the widget, or the read names a default
 * (`getArgument("x", "…")`), or sits in a Python `try:` whose `except`
 * goes on without it: those pass without a word. A certain failure
 * is an error. The `$name` form stays a warning: the same characters are
 * text in a SQL string (`'$USD'`) as often as they are a parameter.
 */
export async function checkUnpassedParameters(
  root: string,
  step: StepSpec,
  notebook: Notebook
): Promise<Diagnostic[]> {
  const passed = new Set([
    ...step.args.map((a) => a.name),
    ...step.inputs.map((i) => `${i.name}_in`),
    ...step.outputs.map((o) => `${o.name}_out`)
  ])
  const reads = findParameterReferences(notebook).filter(
    (ref) => !passed.has(ref.name) && !ref.hasDefault && !ref.guarded
  )
  if (reads.length === 0) return []
  const declared = await declaredWidgets(root, notebook)
  const reported = new Set<string>()
  const out: Diagnostic[] = []
  for (const ref of reads) {
    if (declared.names.has(ref.name) || reported.has(ref.name)) continue
    reported.add(ref.name)
    out.push(diagnosticOf(step, notebook, ref, declared.unknown))
  }
  return out
}

function diagnosticOf(
  step: StepSpec,
  notebook: Notebook,
  ref: ParameterReference,
  unsure: boolean
): Diagnostic {
  const where = { file: notebook.path, line: ref.line, column: 1 }
  const step_ = `step "${step.key}" (${formatLine(step.location)})`
  const fix = `pass it (in the step's args, or an input or output of that name) or give the widget a default (CREATE WIDGET TEXT ${ref.name} DEFAULT '…', or dbutils.widgets.text("${ref.name}", "…"))`
  if (ref.form === 'dollar' || unsure) {
    const why = unsure
      ? ', and a notebook it %runs could not be read to see whether that declares it'
      : ''
    return warningAt(
      'unpassed-parameter',
      `notebook ${step.notebook} reads "${ref.name}", which ${step_} does not pass${why}; if it is a parameter, ${fix}.`,
      where
    )
  }
  return errorAt(
    'unpassed-parameter',
    `notebook ${step.notebook} reads parameter "${ref.name}" without a default, and ${step_} does not pass it: the run would fail there. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    where
  )
}

/**
 * The widgets the notebook declares, and those of the notebooks its
 * `%run` cells include (their widgets are the caller's); `unknown` when an
 * included notebook could not be read here (a workspace path).
 */
async function declaredWidgets(
  root: string,
  notebook: Notebook
): Promise<{ names: Set<string>; unknown: boolean }> {
  const names = findWidgetDeclarations(notebook)
  let unknown = false
  for (const target of findRunTargets(notebook)) {
    for (const key of Object.keys(target.args)) names.add(key)
    const included =
      target.resolved && !target.resolved.startsWith('..')
        ? await findIncluded(root, target.resolved)
        : undefined
    if (!included) {
      unknown = true
      continue
    }
    try {
      const read = await readNotebook(path.join(root, included), included)
      for (const name of findWidgetDeclarations(read)) names.add(name)
    } catch {
      unknown = true
    }
  }
  return { names, unknown }
}

async function findIncluded(
  root: string,
  resolved: string
): Promise<string | undefined> {
  for (const candidate of runTargetCandidates(resolved)) {
    try {
      await access(path.join(root, candidate))
      return candidate
    } catch {
      // Not this extension.
    }
  }
  return undefined
}
