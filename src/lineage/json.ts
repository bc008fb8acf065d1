import type { Lineage, LineageDiff } from './types.js'

/**
 * The lineage (and the diff, when given) as indented JSON. The model is built
 * in a fixed order, so the text is byte-identical for the same inputs.
 */
export function renderLineageJson(
  lineage: Lineage,
  diff?: LineageDiff
): string {
  return JSON.stringify(diff ? { lineage, diff } : { lineage }, null, 2) + '\n'
}
