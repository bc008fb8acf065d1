// @ts-check
/**
 * What `dtflw add` uses: adding a step without Yeoman, and asking on a
 * terminal. `api.d.ts` beside it gives TypeScript callers the types without
 * pulling these JavaScript files into their compilation.
 */
export { addStep } from './add-step.js'
export { createTerminalAsk } from './terminal.js'
export { listTemplates } from './list-templates.js'
