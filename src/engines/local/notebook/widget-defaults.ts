import type { WidgetDefault } from '../../../notebooks/index.js'

export {
  findWidgetDefaults,
  isWidgetStatement
} from '../../../notebooks/index.js'
export type { WidgetDefault } from '../../../notebooks/index.js'

/**
 * What a notebook receives, as on Databricks: the parameters the flow
 * passes win; each declared widget the flow does not pass takes its
 * default. Returns the merged parameters and the defaults that applied.
 */
export function applyWidgetDefaults(
  passed: Readonly<Record<string, string>>,
  declared: readonly WidgetDefault[]
): { parameters: Record<string, string>; applied: WidgetDefault[] } {
  const applied = declared.filter(
    (w) => !Object.prototype.hasOwnProperty.call(passed, w.name)
  )
  const parameters: Record<string, string> = {}
  for (const w of applied) parameters[w.name] = w.value
  return { parameters: { ...parameters, ...passed }, applied }
}
