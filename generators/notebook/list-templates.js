// @ts-check
import { ETL_TEMPLATES } from './etl-templates.js'

/**
 * The notebook templates of `dtflw add --template`, each with its one-line
 * summary and the languages it is written in.
 * @returns {{ name: string, summary: string, languages: string[] }[]}
 */
export function listTemplates() {
  return ETL_TEMPLATES.map((t) => ({
    name: t.name,
    summary: t.summary,
    languages: [...t.languages]
  }))
}
